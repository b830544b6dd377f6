package org.sundwerk.app.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.sundwerk.access.limit.RateLimiter;
import org.sundwerk.app.web.SecurityHeaders;

/**
 * Spring Security supplies the filters around our decision, not the decision: security headers,
 * CSRF protection of portal forms, sessions. Every request is let through its authorization step;
 * {@link ActorFilter} and {@link AccessGate} (i.e. {@code AccessPolicy}) decide.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  /**
   * Spring Security's firewall refuses {@code %2F}, {@code %2F%2F}, {@code %25} and {@code ;} in
   * paths; NGSI-LD entity ids are URIs that contain them (an id with a slash is addressed with
   * {@code %2F}, see {@code WebEdgeConfiguration}). Tomcat still normalises paths and refuses
   * traversal.
   */
  @Bean
  WebSecurityCustomizer entityIdsInPaths() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowUrlEncodedSlash(true);
    firewall.setAllowUrlEncodedPercent(true);
    firewall.setAllowUrlEncodedDoubleSlash(true);
    firewall.setAllowSemicolon(true);
    return web -> web.httpFirewall(firewall);
  }

  @Bean
  SecurityHeaders securityHeaders(AccessProperties properties) {
    return new SecurityHeaders(properties.trustedProxies());
  }

  /**
   * The headers both chains send besides their CSP (Spring Security adds {@code
   * X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and {@code Cache-Control}
   * itself): a referrer policy, and HSTS only over TLS (see {@link SecurityHeaders}).
   */
  private static Customizer<HeadersConfigurer<HttpSecurity>> headers(
      SecurityHeaders tls, String csp) {
    return headers ->
        headers
            .contentSecurityPolicy(policy -> policy.policyDirectives(csp))
            .referrerPolicy(
                referrer -> referrer.policy(ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY)))
            .httpStrictTransportSecurity(
                hsts ->
                    hsts.requestMatcher(tls::overTls)
                        .maxAgeInSeconds(SecurityHeaders.HSTS_MAX_AGE_SECONDS)
                        .includeSubDomains(true));
  }

  /**
   * The APIs: no sessions, no CSRF (no cookies count), nothing to render; their errors are
   * ProblemDetails JSON even for a browser (ProblemErrorController).
   */
  public static final List<String> API_PREFIXES =
      List.of("/ngsi-ld/", "/ingestion/", "/actuator/", "/api/");

  private static final String[] API_PATHS =
      API_PREFIXES.stream().map(prefix -> prefix + "**").toArray(String[]::new);

  @Bean
  @Order(1)
  SecurityFilterChain apis(
      HttpSecurity http,
      ActorResolver resolver,
      AccessGate gate,
      RateLimiter limiter,
      SecurityHeaders tls)
      throws Exception {
    return http.securityMatcher(API_PATHS)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(headers(tls, SecurityHeaders.API_CSP))
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .anonymous(anonymous -> anonymous.disable())
        .addFilterBefore(new ActorFilter(resolver, gate, limiter), AuthorizationFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .build();
  }

  /** The portal: CSRF tokens on forms, a content security policy without inline script. */
  @Bean
  @Order(2)
  SecurityFilterChain portal(
      HttpSecurity http,
      ActorResolver resolver,
      AccessGate gate,
      RateLimiter limiter,
      SecurityHeaders tls,
      ObjectProvider<OidcLogin> oidcLogin)
      throws Exception {
    http.headers(headers(tls, SecurityHeaders.PORTAL_CSP))
        .requestCache(cache -> cache.disable())
        // RFC 8058 one-click unsubscribe: a mail program POSTs to the link of an alert mail without
        // a session; the link's random token is what authorizes it (see portal AlertController).
        .csrf(csrf -> csrf.ignoringRequestMatchers("/abbestellen"))
        // The portal's own POST /logout ends the session (SessionActors.signOut).
        .logout(logout -> logout.disable())
        // SessionActors.signIn starts a new session at every login (password and OIDC). Spring's
        // own id change on an OIDC login, before it, left Spring Session's cookie unchanged.
        .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.none()))
        .addFilterBefore(new ActorFilter(resolver, gate, limiter), AuthorizationFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    // Only when an OIDC client is configured (sundwerk.access.oidc.client-id/-secret).
    oidcLogin.ifAvailable(login -> login.applyTo(http));
    return http.build();
  }
}
