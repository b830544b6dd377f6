package org.sundwerk.business.partner;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sundwerk.business.BusinessProblem;

/**
 * What a partner tells about itself when it applies: kind, names, address, contacts, VAT id, bank
 * account and, for public bodies, the Leitweg-ID. A city office needs a Leitweg-ID; only city
 * offices and municipal companies may have one. At least one contact.
 */
public record PartnerProfile(
    PartnerKind kind,
    String displayName,
    String legalName,
    Address address,
    List<Contact> contacts,
    Optional<VatId> vatId,
    Optional<BankAccount> bankAccount,
    Optional<LeitwegId> leitwegId) {

  public PartnerProfile {
    Objects.requireNonNull(kind, "kind");
    displayName = Fields.required(displayName, "display name", 120);
    legalName = Fields.required(legalName, "legal name", 200);
    Objects.requireNonNull(address, "address");
    contacts = List.copyOf(contacts);
    Objects.requireNonNull(vatId, "vatId");
    Objects.requireNonNull(bankAccount, "bankAccount");
    Objects.requireNonNull(leitwegId, "leitwegId");
    if (contacts.isEmpty()) {
      throw BusinessProblem.invalid("a partner names at least one contact");
    }
    if (contacts.size() > 20) {
      throw BusinessProblem.invalid("a partner names at most 20 contacts");
    }
    if (kind.needsLeitwegId() && leitwegId.isEmpty()) {
      throw BusinessProblem.invalid("a city office needs a Leitweg-ID for XRechnung invoices");
    }
    if (!kind.mayHaveLeitwegId() && leitwegId.isPresent()) {
      throw BusinessProblem.invalid("only public bodies have a Leitweg-ID");
    }
  }
}
