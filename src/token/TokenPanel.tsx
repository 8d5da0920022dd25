import type { User } from 'oidc-client-ts';
import type { EnvironmentConfig } from '../config/types.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { RawToken } from './RawToken.tsx';

interface TokenPanelProps {
  user: User;
  environment: EnvironmentConfig;
}

export function TokenPanel({ user }: TokenPanelProps) {
  return (
    <section className="card" aria-labelledby="token-title">
      <div className="card__head">
        <h2 id="token-title">Access token</h2>
        <div className="actions">
          <CopyButton label="Copy token" getText={() => user.access_token} />
          <CopyButton
            label="Copy Authorization header"
            getText={() => `Authorization: Bearer ${user.access_token}`}
          />
        </div>
      </div>
      <RawToken token={user.access_token} label="Access token" />
    </section>
  );
}
