package org.sundwerk.app.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sundwerk.access.AccessPolicy;
import org.sundwerk.access.account.AccountPolicy;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.PasswordHasher;
import org.sundwerk.access.account.PasswordRules;
import org.sundwerk.access.audit.AuditLog;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.access.key.ApiKeys;
import org.sundwerk.access.key.BootstrapKey;
import org.sundwerk.access.key.KeyActors;
import org.sundwerk.access.limit.RateLimiter;
import org.sundwerk.app.config.DatabaseProperties;
import org.sundwerk.app.config.SundwerkProperties;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.portal.account.SessionActors;
import org.sundwerk.store.StoreDatabase;

/** The access module's parts, on the store's database, and the gate the app asks. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AccessProperties.class, VisibilityProperties.class})
class AccessConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

  @Bean
  SecureRandom secureRandom() {
    return new SecureRandom();
  }

  /**
   * Opened after the store's database (the parameter says so): the store's migrations refuse a
   * schema that already holds other tables.
   */
  @Bean(destroyMethod = "close")
  AccessDatabase accessDatabase(
      StoreDatabase store, SundwerkProperties properties, DatabaseProperties database) {
    if (database.dbUrl().isBlank()) {
      return AccessDatabase.sqlite(properties.dataDir().resolve("sundwerk.db"));
    }
    return AccessDatabase.postgres(database.dbUrl(), database.dbUser(), database.dbPassword());
  }

  /**
   * On first start on empty data the platform operator {@code sundwerk.access.operator-email} is
   * created with {@code SUNDWERK_ADMIN_PASSWORD}, or with a generated password logged once.
   */
  @Bean
  Accounts accounts(
      AccessDatabase database,
      Clock clock,
      SecureRandom random,
      AccessProperties properties,
      @Value("${sundwerk.admin-password:}") String adminPassword) {
    Accounts accounts =
        new Accounts(
            database,
            clock,
            new PasswordHasher(PasswordHasher.Cost.OWASP, random),
            PasswordRules.standard(),
            AccountPolicy.DEFAULT,
            random);
    accounts
        .createPlatformOperatorIfNone(
            properties.operatorEmail(),
            Optional.of(adminPassword).filter(password -> !password.isEmpty()),
            random)
        .ifPresent(
            generated ->
                log.warn(
                    "Created the platform operator {} with the one-time password {}"
                        + " (shown only now; change it after the first login, or set"
                        + " SUNDWERK_ADMIN_PASSWORD before the first start)",
                    properties.operatorEmail(),
                    generated));
    return accounts;
  }

  @Bean
  ApiKeys apiKeys(AccessDatabase database, Clock clock, SecureRandom random) {
    return new ApiKeys(database, clock, random);
  }

  /** {@code SUNDWERK_ADMIN_API_KEY}: a platform-operator key for scripts; at least 32 chars. */
  @Bean
  KeyActors keyActors(
      ApiKeys keys,
      Accounts accounts,
      Clock clock,
      AccessProperties properties,
      @Value("${sundwerk.admin-api-key:}") String adminApiKey) {
    Optional<BootstrapKey> bootstrap =
        BootstrapKey.fromSetting(Optional.of(adminApiKey).filter(key -> !key.isEmpty()));
    return new KeyActors(keys, accounts, bootstrap, clock, properties.keyCache());
  }

  @Bean
  AuditLog auditLog(AccessDatabase database, Clock clock) {
    return new AuditLog(database, clock);
  }

  @Bean
  RateLimiter rateLimiter(AccessProperties properties, Clock clock) {
    return new RateLimiter(properties.limits(), clock);
  }

  /** The visibility declared under {@code sundwerk.access.tenants}; undeclared tenants are open. */
  @Bean
  AccessPolicy accessPolicy(VisibilityProperties visibility, ContextResolver contexts) {
    return new AccessPolicy(VisibilityConfiguration.of(visibility, contexts.defaultDictionary()));
  }

  @Bean
  SessionActors sessionActors(Accounts accounts) {
    return new SessionActors(accounts);
  }

  @Bean
  ActorResolver actorResolver(
      KeyActors keys,
      ObjectProvider<BearerActors> bearers,
      SessionActors sessions,
      AccessProperties properties) {
    return new ActorResolver(
        keys,
        bearers.getIfAvailable(() -> BearerActors.NONE),
        sessions,
        properties.trustedProxies());
  }

  @Bean
  AccessGate accessGate(AccessPolicy policy, ActorResolver resolver) {
    return new AccessGate(policy, resolver);
  }

  /** What a subscription's owner may see now: the notifiers ask before every send. */
  @Bean
  SubscriptionOwners subscriptionOwners(AccessGate gate, KeyActors keys, Accounts accounts) {
    return new SubscriptionOwners(gate, keys, accounts);
  }
}
