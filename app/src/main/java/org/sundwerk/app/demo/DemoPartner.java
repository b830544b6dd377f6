package org.sundwerk.app.demo;

import java.security.SecureRandom;
import java.util.Optional;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.Secrets;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.PasswordReset;
import org.sundwerk.access.account.Role;

/**
 * The demo's partner: an editor of the Stadtwerke Stralsund, who provide the waste containers (see
 * {@code sundwerk.access.tenants.stralsund} in application.yml), so that partner visibility can be
 * tried right after the first start: sign in, make a key that acts for the Stadtwerke and read
 * {@code dateLastEmptying}, which anonymous readers do not see.
 */
public final class DemoPartner {

  public static final String EMAIL = "stadtwerke@stralsund.example";
  public static final PartnerId PARTNER = new PartnerId("stadtwerke-stralsund");

  private DemoPartner() {}

  /**
   * Creates the account with a random password and returns that password, once; empty when the
   * account exists already (its password is not changed).
   */
  public static Optional<String> createIfNone(Accounts accounts, SecureRandom random) {
    return createWithPassword(accounts, EMAIL, "Stadtwerke Stralsund (Demo)", random)
        .map(
            created -> {
              accounts.grant(
                  created.account(),
                  new Role.Member(TenantId.of("stralsund"), PARTNER, PartnerRole.EDITOR));
              return created.password();
            });
  }

  /** A demo account and the random password it was given. */
  public record Created(AccountId account, String password) {}

  /**
   * Creates a verified demo account with a random password; empty when the address has an account
   * already (its password is not changed).
   */
  public static Optional<Created> createWithPassword(
      Accounts accounts, String email, String displayName, SecureRandom random) {
    if (accounts.findByEmail(email).isPresent()) {
      return Optional.empty();
    }
    Optional<AccountId> account = accounts.createVerified(email, displayName);
    if (account.isEmpty()) {
      return Optional.empty();
    }
    String password = Secrets.randomToken(random);
    String token = accounts.startPasswordReset(email).orElseThrow();
    if (!(accounts.resetPassword(token, password) instanceof PasswordReset.Done)) {
      throw new IllegalStateException("the demo account's password was refused: " + email);
    }
    return Optional.of(new Created(account.get(), password));
  }
}
