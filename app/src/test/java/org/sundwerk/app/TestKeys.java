package org.sundwerk.app;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.sundwerk.access.KeyScope;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Registration;
import org.sundwerk.access.account.Role;
import org.sundwerk.access.key.ApiKeys;

/**
 * Issues real API keys in a running test server: a fresh account with a verified e-mail address,
 * the given roles, and one key with the given scope. Each account costs one Argon2id hash (about
 * half a second here).
 */
public final class TestKeys {

  private static final String PASSWORD = "correct horse battery staple 42";

  private final Accounts accounts;
  private final ApiKeys keys;

  public TestKeys(ApplicationContext context) {
    this.accounts = context.getBean(Accounts.class);
    this.keys = context.getBean(ApiKeys.class);
  }

  /** Every operation, no narrowing: the owner's own rights. */
  /**
   * The secret of a key {@code sw_<16 hex digits>_<secret>}. Not after the last underscore: the
   * secret is base64url and may hold underscores itself.
   */
  public static String secretOf(String key) {
    return key.substring(ID_END);
  }

  /** The key's id part ({@code sw_<16 hex digits>_}), to put another secret behind. */
  public static String idPartOf(String key) {
    return key.substring(0, ID_END);
  }

  private static final int ID_END = ApiKeys.PREFIX.length() + 16 + 1;

  public static KeyScope all() {
    return new KeyScope(Set.of(), EnumSet.allOf(Operation.class), Set.of());
  }

  public static KeyScope only(Operation... operations) {
    return new KeyScope(Set.of(), Set.of(operations), Set.of());
  }

  /** A key of a verified account that holds {@code roles} (none: a resident). */
  public String key(KeyScope scope, Role... roles) {
    return key(scope, Optional.empty(), roles);
  }

  /** A key that acts for {@code partner} (the account must be its member). */
  public String key(KeyScope scope, Optional<PartnerId> actingFor, Role... roles) {
    String email = "t" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    Registration.Created created =
        (Registration.Created) accounts.register(email, "Test account", PASSWORD);
    accounts.verifyEmail(created.verificationToken()).orElseThrow();
    for (Role role : roles) {
      accounts.grant(created.account(), role);
    }
    return keys.create(created.account(), actingFor, "test", scope).key();
  }

  public static Role operatorOf(String tenant) {
    return new Role.Operator(TenantId.of(tenant));
  }
}
