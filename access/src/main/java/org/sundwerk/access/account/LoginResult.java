package org.sundwerk.access.account;

import java.time.Instant;
import org.sundwerk.access.AccountId;

/** The outcome of {@link Accounts#login}. */
public sealed interface LoginResult {

  /** Right password, verified address: start a session. */
  record Success(Account account) implements LoginResult {}

  /** Unknown address or wrong password: the same answer for both. */
  record Rejected() implements LoginResult {}

  /** Too many wrong passwords: no password is checked until {@code until}. */
  record Locked(Instant until) implements LoginResult {}

  /** Right password, but the address is not verified yet: offer to send the link again. */
  record Unverified(AccountId account) implements LoginResult {}
}
