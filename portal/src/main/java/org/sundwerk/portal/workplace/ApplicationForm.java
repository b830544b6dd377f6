package org.sundwerk.portal.workplace;

import java.util.List;
import java.util.Optional;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.partner.Address;
import org.sundwerk.business.partner.BankAccount;
import org.sundwerk.business.partner.Contact;
import org.sundwerk.business.partner.Iban;
import org.sundwerk.business.partner.LeitwegId;
import org.sundwerk.business.partner.PartnerKind;
import org.sundwerk.business.partner.PartnerProfile;
import org.sundwerk.business.partner.VatId;

/**
 * The fields of the application form, as typed (bound by name, blank when left empty); {@link
 * #profile} checks them, throwing a {@code BusinessProblem} that names the first wrong one.
 */
public record ApplicationForm(
    String kind,
    String displayName,
    String legalName,
    String street,
    String postcode,
    String city,
    String contactName,
    String contactRole,
    String contactEmail,
    String contactPhone,
    String vatId,
    String iban,
    String bic,
    String accountHolder,
    String leitwegId) {

  /** An empty form, for the first view. */
  static ApplicationForm empty() {
    return new ApplicationForm("BUSINESS", "", "", "", "", "", "", "", "", "", "", "", "", "", "");
  }

  PartnerProfile profile() {
    return new PartnerProfile(
        chosenKind(),
        displayName,
        legalName,
        new Address(street, postcode, city, "DE"),
        List.of(new Contact(contactName, contactRole, contactEmail, given(contactPhone))),
        given(vatId).map(VatId::new),
        given(iban)
            .map(
                value ->
                    new BankAccount(
                        new Iban(value),
                        given(bic),
                        given(accountHolder).orElse(orEmpty(legalName)))),
        given(leitwegId).map(LeitwegId::new));
  }

  private PartnerKind chosenKind() {
    try {
      return PartnerKind.valueOf(orEmpty(kind));
    } catch (IllegalArgumentException e) {
      throw BusinessProblem.invalid("choose the kind of organisation");
    }
  }

  private static Optional<String> given(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value.strip();
  }
}
