package org.sundwerk.app.security;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Identities;
import org.sundwerk.access.db.AccessDatabase;

/**
 * OIDC: bearer JWTs on the APIs when {@code sundwerk.access.oidc.issuer-uri} is set ({@link
 * OidcBearerActors}, picked up by {@link AccessConfiguration}'s resolver), and the portal's login
 * with the provider when a client id and secret are set too ({@link OidcLogin}, hooked into the
 * portal chain by {@link SecurityConfiguration}). See {@link OidcProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcProperties.class)
class OidcConfiguration {

  /** The linked identities; also there without OIDC, for the account page and the data export. */
  @Bean
  Identities identities(AccessDatabase database, Clock clock) {
    return new Identities(database, clock);
  }

  @Bean
  @Conditional(BearerTokensConfigured.class)
  BearerActors oidcBearerActors(
      OidcProperties properties, Identities identities, Accounts accounts, Clock clock) {
    return new OidcBearerActors(
        OidcBearerActors.decoder(properties, clock), identities, accounts, properties);
  }

  @Bean
  @Conditional(PortalLoginConfigured.class)
  OidcLogin oidcLogin(OidcProperties properties, Identities identities) {
    return new OidcLogin(properties, identities);
  }

  private static OidcProperties bind(ConditionContext context) {
    return Binder.get(context.getEnvironment())
        .bindOrCreate("sundwerk.access.oidc", Bindable.of(OidcProperties.class));
  }

  static final class BearerTokensConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return bind(context).bearerTokens();
    }
  }

  static final class PortalLoginConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return bind(context).portalLogin();
    }
  }
}
