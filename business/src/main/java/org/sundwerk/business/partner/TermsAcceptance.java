package org.sundwerk.business.partner;

import java.time.Instant;
import java.util.Objects;
import org.sundwerk.access.AccountId;

/** Which version of the partner terms which account accepted for its partner, and when. */
public record TermsAcceptance(int version, AccountId account, Instant at) {

  public TermsAcceptance {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(at, "at");
  }
}
