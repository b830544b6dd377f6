package org.sundwerk.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.sundwerk.access.limit.RateLimiter;

/**
 * Spring Security supplies the filters around our decision, not the decision: security headers,
 * CSRF protection of portal forms, sessions. Every request is let through its authorization step;
 * {@link ActorFilter} and {@link AccessGate} (i.e. {@code AccessPolicy}) decide.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

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

  /**
   * Links leave no path or query behind (reset and verification tokens travel in the query). HSTS
   * is Spring Security's default: sent on secure requests only, i.e. over TLS or, with {@code
   * server.forward-headers-strategy=native}, behind a proxy that says {@code X-Forwarded-Proto:
   * https}.
   */
  static final ReferrerPolicyHeaderWriter.ReferrerPolicy REFERRER_POLICY =
      ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN;

  /** The APIs: no sessions, no CSRF (no cookies count), nothing to render. */
  static final String[] API_PATHS = {"/ngsi-ld/**", "/ingestion/**", "/actuator/**"};

  @Bean
  @Order(1)
  SecurityFilterChain apis(
      HttpSecurity http, ActorResolver resolver, AccessGate gate, RateLimiter limiter)
      throws Exception {
    return http.securityMatcher(API_PATHS)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                    .referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY)))
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
      HttpSecurity http, ActorResolver resolver, AccessGate gate, RateLimiter limiter)
      throws Exception {
    return http.headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self';"
                                    + " img-src 'self' data: https:; connect-src 'self';"
                                    + " object-src 'none'; base-uri 'self'; form-action 'self';"
                                    + " frame-ancestors 'none'"))
                    .referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY)))
        .requestCache(cache -> cache.disable())
        // The portal's own POST /logout ends the session (SessionActors.signOut).
        .logout(logout -> logout.disable())
        .addFilterBefore(new ActorFilter(resolver, gate, limiter), AuthorizationFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .build();
  }
}
