package org.sundwerk.access.account;

import java.util.Set;
import org.sundwerk.access.AccountId;

/** The outcome of {@link Accounts#resetPassword}. */
public sealed interface PasswordReset {

  /** The password is changed, the lockout lifted and the address verified (the mail arrived). */
  record Done(AccountId account) implements PasswordReset {}

  /** Unknown, used or expired token. */
  record InvalidToken() implements PasswordReset {}

  /** The new password breaks the rules; the token stays valid for another try. */
  record Rejected(Set<PasswordProblem> problems) implements PasswordReset {
    public Rejected {
      problems = Set.copyOf(problems);
    }
  }
}
