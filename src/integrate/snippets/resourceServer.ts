import { realmNameOf } from '../../config/urls.ts';
import { type GuideInput, jsString, type Snippet, type ValueTable } from './snippet.ts';

const keycloakDefaultAudience = 'Keycloak puts only “account” there unless an Audience mapper adds the API';

/** What an API team checks on every token of this realm, whichever kind of client sent it. */
export function resourceServerValues({ environment, endpoints }: GuideInput): ValueTable {
  const { audience, requiredRole } = environment.api;
  return {
    id: 'resource-server',
    title: 'Token validation settings',
    rows: [
      { name: 'Issuer (iss)', value: endpoints.issuer, note: 'exactly, including /auth and the realm name' },
      {
        name: 'JWKS (signing keys)',
        value: endpoints.urls.jwks_uri,
        note: 'fetch and cache; refetch on an unknown kid (key rotation)',
      },
      { name: 'Algorithms', value: 'RS256', note: "the realm's default key; never none or HS*" },
      {
        name: 'Audience (aud)',
        value: audience ?? 'not configured for this environment',
        note: audience ? 'added by the Audience mapper of each client' : keycloakDefaultAudience,
      },
      {
        name: 'Token type (typ claim)',
        value: 'Bearer',
        note: 'ID tokens say “ID”, refresh tokens “Refresh”: refuse them',
      },
      { name: 'Expiry', value: 'exp, nbf', note: 'allow a few seconds of clock skew at most' },
      {
        name: 'Realm role',
        value: `${requiredRole} in realm_access.roles`,
        note: 'not resource_access.<client>.roles (a client role of the same name is another role)',
      },
      {
        name: 'Caller',
        value: 'azp = the client ID',
        note: 'a service account’s preferred_username is service-account-<client ID>',
      },
      {
        name: 'Answers (RFC 6750)',
        value: '401 + WWW-Authenticate: Bearer error="invalid_token"; 403 error="insufficient_scope"',
        note: 'no token: 401 with Bearer realm="…" only',
      },
    ],
  };
}

/** Token validation in Node with jose: the answer to an Authorization header, as RFC 6750 says. */
export function nodeVerifier({ environment, endpoints }: GuideInput): Snippet {
  const { audience, requiredRole } = environment.api;
  const realm = realmNameOf(endpoints.issuer) ?? 'abrumet';
  const challenge = `Bearer realm="${realm}"`;
  const code = `// Validating the realm's access tokens in a Node API with jose (npm install jose).
import { createRemoteJWKSet, jwtVerify } from 'jose';

const ISSUER = ${jsString(endpoints.issuer)}; // ${environment.label}
// The realm's signing keys: fetched once, cached, fetched again for a key it does not know (rotation).
const JWKS = createRemoteJWKSet(new URL(${jsString(endpoints.urls.jwks_uri)}));
${audience ? `const AUDIENCE = ${jsString(audience)};` : `// AUDIENCE: none configured for ${environment.label}; ${keycloakDefaultAudience.toLowerCase()}.`}
const REQUIRED_ROLE = ${jsString(requiredRole)};

/** The answer to a request's Authorization header: 200 with the claims, or 401/403 (RFC 6750). */
export async function authorize(authorization) {
  const token = /^Bearer +([\\w.~+/-]+=*)$/i.exec(authorization ?? '')?.[1];
  if (!token) return { status: 401, wwwAuthenticate: '${challenge}' };
  const refuse = (status, error, description) => ({
    status,
    wwwAuthenticate: \`${challenge}, error="\${error}", error_description="\${description}"\`,
  });
  let claims;
  try {
    ({ payload: claims } = await jwtVerify(token, JWKS, {
      issuer: ISSUER,${audience ? '\n      audience: AUDIENCE,' : ''}
      algorithms: ['RS256'],
    }));
  } catch (error) {
    return refuse(401, 'invalid_token', error.code ?? 'invalid token'); // expired, bad signature, wrong iss/aud
  }
  // Keycloak's access tokens say typ "Bearer"; its ID tokens say "ID", refresh tokens "Refresh".
  if (claims.typ !== 'Bearer') return refuse(401, 'invalid_token', 'not an access token');
  // A realm role, not a client role of the same name (resource_access).
  if (!claims.realm_access?.roles?.includes(REQUIRED_ROLE)) {
    return refuse(403, 'insufficient_scope', \`the realm role \${REQUIRED_ROLE} is required\`);
  }
  return { status: 200, claims };
}
`;
  return {
    id: 'resource-server-node',
    title: 'Node: jose',
    language: 'js',
    code,
    run: "Save as authorize.mjs; call authorize(req.headers.authorization) in your API's middleware, and answer its status and WWW-Authenticate.",
  };
}

/** The same settings for a Spring Boot resource server: properties, and the realm roles mapped. */
export function springProperties({ environment, endpoints }: GuideInput): Snippet {
  const { audience } = environment.api;
  const code = `# application.yml (spring-boot-starter-oauth2-resource-server), ${environment.label}
spring:
  security:
    oauth2:
      resourceserver:
        jwt:
          issuer-uri: ${endpoints.issuer}
          jwk-set-uri: ${endpoints.urls.jwks_uri}
${audience ? `          audiences: ${audience}` : '          # audiences: the API, once an Audience mapper adds it to the tokens'}
`;
  return {
    id: 'resource-server-spring',
    title: 'Spring Boot: application.yml',
    language: 'yaml',
    code,
    run: 'Spring checks signature, issuer, expiry and audience; the realm role needs the converter below.',
  };
}

/** Spring Security reads `scope`, not Keycloak's realm roles: the converter that maps them. */
export function springRoles({ environment }: GuideInput): Snippet {
  const { requiredRole } = environment.api;
  const code = `// Keycloak's realm roles (realm_access.roles) as Spring authorities ROLE_<role>.
@Bean
JwtAuthenticationConverter realmRoles() {
    var converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(jwt -> {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        Object roles = realmAccess == null ? null : realmAccess.get("roles");
        if (!(roles instanceof Collection<?> names)) return List.<GrantedAuthority>of();
        return names.stream()
            .map(name -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + name))
            .toList();
    });
    return converter;
}

@Bean
SecurityFilterChain api(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().hasRole("${requiredRole}"))
        .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()));
    return http.build();
}
`;
  return {
    id: 'resource-server-spring-roles',
    title: 'Spring Security: realm roles',
    language: 'java',
    code,
    run: 'In a @Configuration class. Spring answers 401 and 403 with WWW-Authenticate as RFC 6750 says.',
  };
}
