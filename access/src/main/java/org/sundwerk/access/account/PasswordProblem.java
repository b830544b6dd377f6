package org.sundwerk.access.account;

/** Why a new password is refused; the portal names each in the user's language. */
public enum PasswordProblem {
  /** Shorter than the minimum (counted in characters after NFKC normalisation). */
  TOO_SHORT,
  /** Longer than the maximum, which only bounds the hashing work. */
  TOO_LONG,
  /** On the list of common or breached passwords, or one character repeated. */
  COMMON,
  /** Contains the e-mail name, the display name or the platform's name. */
  CONTEXT
}
