package org.sundwerk.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;

/**
 * The actor of a portal session, the one contract between sign-in and the app's actor resolution:
 * the login stores the account id in the session (see {@link #signIn}); each request reads the
 * account again, so a role revoked or an account deleted takes effect at the next request, on every
 * node (sessions live in the database, Spring Session JDBC).
 */
public final class SessionActors {

  static final String ACCOUNT = "sundwerk.account";
  static final String ACTING_FOR = "sundwerk.actingFor";

  private final Accounts accounts;

  public SessionActors(Accounts accounts) {
    this.accounts = accounts;
  }

  /** The session's actor, or empty when the request has no session with a signed-in account. */
  public Optional<Actor> actorFor(HttpServletRequest http, TenantId tenant) {
    HttpSession session = http.getSession(false);
    if (session == null || !(session.getAttribute(ACCOUNT) instanceof String account)) {
      return Optional.empty();
    }
    Optional<PartnerId> actingFor =
        session.getAttribute(ACTING_FOR) instanceof String partner
            ? Optional.of(new PartnerId(partner))
            : Optional.empty();
    return accounts.find(new AccountId(account)).map(found -> found.actorIn(tenant, actingFor));
  }

  /**
   * Binds {@code account} to the request's session after a successful login, in a new session id
   * (against session fixation).
   */
  public static void signIn(HttpServletRequest http, AccountId account) {
    HttpSession old = http.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    http.getSession(true).setAttribute(ACCOUNT, account.value());
  }

  /** Chooses the partner organisation the signed-in account acts for (empty: none). */
  public static void actFor(HttpServletRequest http, Optional<PartnerId> partner) {
    HttpSession session = http.getSession(true);
    partner.ifPresentOrElse(
        id -> session.setAttribute(ACTING_FOR, id.value()),
        () -> session.removeAttribute(ACTING_FOR));
  }

  /** Ends the session. */
  public static void signOut(HttpServletRequest http) {
    HttpSession session = http.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
