package be.abrumet.api;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The usual Keycloak-shop setup: the realm is the issuer (spring.security.oauth2.resourceserver.jwt.*),
 * realm roles become ROLE_* authorities, Spring's own CORS, and Spring Security's default answers
 * for 401/403 (BearerTokenAuthenticationEntryPoint, BearerTokenAccessDeniedHandler).
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

  @Bean
  SecurityFilterChain api(HttpSecurity http, @Value("${abrumet.required-role:therapist}") String requiredRole)
      throws Exception {
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/api/v1/patients")
                    .hasRole(requiredRole)
                    .anyRequest()
                    .authenticated())
        .cors(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .oauth2ResourceServer(
            oauth2 -> oauth2.jwt(jwt -> jwt.jwtAuthenticationConverter(keycloakRealmRoles())));
    return http.build();
  }

  /** realm_access.roles -> ROLE_<role>, as Keycloak puts realm roles in its access tokens. */
  static JwtAuthenticationConverter keycloakRealmRoles() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setPrincipalClaimName("preferred_username");
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> {
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
  CorsConfigurationSource corsConfigurationSource(
      @Value("${abrumet.allowed-origins}") List<String> allowedOrigins) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(allowedOrigins);
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.setExposedHeaders(List.of("WWW-Authenticate"));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }

  /**
   * Only when a clock leeway is set (Spring Boot has no property for it): Boot adds every
   * OAuth2TokenValidator<Jwt> bean to the decoder it builds from issuer-uri and audiences, and
   * JwtValidators.createDefaultWithValidators then uses this one instead of its 60 s default.
   */
  @Bean
  @ConditionalOnProperty("abrumet.clock-leeway-seconds")
  OAuth2TokenValidator<Jwt> clockLeeway(@Value("${abrumet.clock-leeway-seconds}") long leewaySeconds) {
    return new JwtTimestampValidator(Duration.ofSeconds(leewaySeconds));
  }
}
