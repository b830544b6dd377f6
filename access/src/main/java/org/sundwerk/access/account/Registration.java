package org.sundwerk.access.account;

import java.util.Set;
import org.sundwerk.access.AccountId;

/**
 * The outcome of {@link Accounts#register}. The portal answers {@link Created} and {@link
 * AlreadyRegistered} with the same page ("check your mail"), so nobody learns who has an account.
 */
public sealed interface Registration {

  /** Mail {@code verificationToken} to the address; it is stored only hashed. */
  record Created(AccountId account, String verificationToken) implements Registration {
    @Override
    public String toString() {
      return "Created[account=" + account.value() + "]";
    }
  }

  /** The address has an account: mail a hint to it instead. */
  record AlreadyRegistered(AccountId account) implements Registration {}

  /** The password breaks the rules; nothing was stored. */
  record Rejected(Set<PasswordProblem> problems) implements Registration {
    public Rejected {
      problems = Set.copyOf(problems);
    }
  }
}
