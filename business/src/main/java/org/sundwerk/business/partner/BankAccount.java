package org.sundwerk.business.partner;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.sundwerk.business.BusinessProblem;

/** Where payouts to the partner go: IBAN, optional BIC (SEPA needs none), account holder. */
public record BankAccount(Iban iban, Optional<String> bic, String holder) {

  public BankAccount {
    Objects.requireNonNull(iban, "iban");
    Objects.requireNonNull(bic, "bic");
    bic = bic.map(value -> value.strip().toUpperCase(Locale.ROOT)).filter(v -> !v.isEmpty());
    if (bic.isPresent() && !bic.get().matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
      throw BusinessProblem.invalid("a BIC has 8 or 11 characters: " + bic.get());
    }
    holder = Fields.required(holder, "account holder", 200);
  }
}
