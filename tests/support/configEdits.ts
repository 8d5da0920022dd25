type Json = Record<string, unknown>;

/** config.json with the local environment changed (a misconfigured realm, a short timeout...). */
export const withLocal =
  (change: (local: Json) => Json) =>
  (config: Json): Json => ({
    ...config,
    environments: (config.environments as Json[]).map((environment) =>
      environment.id === 'local' ? change(environment) : environment,
    ),
  });

/** config.json with one environment replaced or changed by id. */
export const withEnvironment =
  (id: string, change: (environment: Json, local: Json) => Json) =>
  (config: Json): Json => {
    const environments = config.environments as Json[];
    const local = environments.find((environment) => environment.id === 'local') as Json;
    return {
      ...config,
      environments: environments.map((environment) =>
        environment.id === id ? change(environment, local) : environment,
      ),
    };
  };

/**
 * config.json with its `acceptance` environment pointed at the local realm too (its own client
 * callback, its own storage), so two environments can be signed in side by side on one devstack.
 * `production` stays the unreachable example realm. (The stack needs `/callback/acceptance` among
 * its extraRedirectPaths.)
 */
export const withLocalAcceptance = withEnvironment('acceptance', (_, local) => ({
  ...local,
  id: 'acceptance',
  label: 'Acceptance',
  redirectUri: '/callback/acceptance',
}));

/** Edits applied one after the other. */
export const edits =
  (...changes: Array<(config: Json) => Json>) =>
  (config: Json): Json =>
    changes.reduce((current, change) => change(current), config);
