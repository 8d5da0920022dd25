import type { EnvironmentConfig, PortalConfig } from '../config/types.ts';
import { DiscoveryPanel } from './DiscoveryPanel.tsx';
import { LoginErrorHelp } from './LoginErrorHelp.tsx';
import { RegisterClientForm } from './RegisterClientForm.tsx';
import { UserInfoPanel } from './UserInfoPanel.tsx';
import { useDiscovery } from './useDiscovery.ts';
import { userInfoEndpointOf } from './userInfoEndpointOf.ts';

interface RealmSectionProps {
  config: PortalConfig;
  environment: EnvironmentConfig;
  /** The signed-in user's access token; absent when signed out. */
  accessToken?: string | undefined;
  /** Server time − local time, measured by the shell. */
  skewMs?: number;
  /** Offer the login-error help on demand (the shell shows it open next to a sign-in error instead). */
  loginHelp?: boolean;
}

/**
 * Everything around the token that talks to the realm itself, loaded after the first paint:
 * UserInfo (signed in), the discovery check, login-error help (signed out), client registration.
 */
export function RealmSection({
  config,
  environment,
  accessToken,
  skewMs = 0,
  loginHelp = true,
}: RealmSectionProps) {
  const discovery = useDiscovery(environment);
  return (
    <>
      {accessToken && (
        <UserInfoPanel
          environment={environment}
          accessToken={accessToken}
          skewMs={skewMs}
          target={userInfoEndpointOf(discovery.view, environment)}
        />
      )}
      <DiscoveryPanel environment={environment} discovery={discovery} />
      {!accessToken && loginHelp && <LoginErrorHelp environment={environment} />}
      <RegisterClientForm config={config} environment={environment} />
    </>
  );
}
