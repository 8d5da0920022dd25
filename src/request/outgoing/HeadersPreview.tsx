import { maskToken } from '../../shared/bearer/maskTokens.ts';
import { count } from '../../shared/format.ts';
import { useServerNow } from '../../shared/serverTime.tsx';
import { describeTimeLeft } from '../../shared/token/formatDuration.ts';
import { listRoles, type TokenReading } from '../../shared/token/readToken.ts';
import { tokenTime, wholeSecondsLeft } from '../../shared/token/tokenTime.ts';
import { Callout } from '../../ui/Callout.tsx';
import { choiceLabel, type TokenChoice } from '../editor/draft.ts';
import type { Prepared } from './prepareRequest.ts';

interface HeadersPreviewProps {
  prepared: Prepared;
  choice: TokenChoice;
}

/** The exact request that will leave, token masked, and who that token says you are. */
export function HeadersPreview({ prepared, choice }: HeadersPreviewProps) {
  if (!prepared.ok) {
    return (
      <section className="rq-preview" aria-labelledby="rq-preview-title">
        <h3 id="rq-preview-title">Exact request</h3>
        <Callout explanation={prepared.problem} />
      </section>
    );
  }
  const { request, token, asks } = prepared;
  const held = asks.find((ask) => ask.kind === 'origin');
  return (
    <section className="rq-preview" aria-labelledby="rq-preview-title">
      <h3 id="rq-preview-title">Exact request</h3>
      <pre className="code-block" data-testid="headers-preview">
        {`${request.method} ${request.url}\n`}
        {request.headers.map(([name, value]) =>
          name === 'Authorization' && token !== undefined
            ? `Authorization: Bearer ${maskToken(token.raw)}${held ? `   (held back until you confirm ${held.origin})` : ''}\n`
            : `${name}: ${value}\n`,
        )}
        {prepared.browserHeaders.map(([name, value]) => `${name}: ${value}   (added by the browser)\n`)}
        {request.body !== undefined && `\n${count(request.body.length)} characters of body`}
      </pre>
      <p className="small">
        <strong>{choiceLabel(choice)}</strong>
        {token === undefined ? (
          ': no Authorization header'
        ) : token.readable ? (
          <>
            {' '}
            — sub <code>{token.sub ?? '?'}</code>
            {token.username && <> ({token.username})</>}, roles: {listRoles(token.roles)},{' '}
            <TimeLeft token={token} />
          </>
        ) : (
          <> — {token.problem}</>
        )}
      </p>
    </section>
  );
}

/**
 * "expires in 4 min 12 s", derived from exp on each tick of the app's one clock (never counted
 * down). Only this leaf re-renders every second.
 */
function TimeLeft({ token }: { token: TokenReading }) {
  const time = tokenTime(token, useServerNow().serverNow);
  return (
    <span className={time.state === 'expired' ? 'text-bad' : undefined}>
      {describeTimeLeft(wholeSecondsLeft(time))}
    </span>
  );
}
