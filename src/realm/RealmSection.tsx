import type { EnvironmentConfig, PortalConfig } from '../config/types.ts';
import { useDiscovery } from '../shared/discovery/useDiscovery.ts';
import type { TokenReading } from '../shared/token/readToken.ts';
import { DiscoveryPanel } from './DiscoveryPanel.tsx';
import { LoginErrorHelp } from './LoginErrorHelp.tsx';
import { RegisterClientForm } from './RegisterClientForm.tsx';
import { UserInfoPanel } from './UserInfoPanel.tsx';
import { userInfoEndpointOf } from './userInfoEndpointOf.ts';

interface RealmSectionProps {
  config: PortalConfig;
  environment: EnvironmentConfig;
  /** The signed-in user's access token, as the shell read it; absent when signed out. */
  access?: TokenReading | undefined;
  /** Offer the login-error help on demand (the shell shows it open next to a sign-in error instead). */
  loginHelp?: boolean;
}

/**
 * Everything around the token that talks to the realm itself, loaded after the first paint:
 * UserInfo (signed in), the discovery check, login-error help (signed out), client registration.
 */
export function RealmSection({ config, environment, access, loginHelp = true }: RealmSectionProps) {
  const discovery = useDiscovery(environment);
  return (
    <>
      {access && (
        <UserInfoPanel
          environment={environment}
          access={access}
          target={userInfoEndpointOf(discovery.view, environment)}
        />
      )}
      <DiscoveryPanel environment={environment} discovery={discovery} />
      {!access && loginHelp && <LoginErrorHelp environment={environment} />}
      <RegisterClientForm config={config} environment={environment} />
    </>
  );
}
