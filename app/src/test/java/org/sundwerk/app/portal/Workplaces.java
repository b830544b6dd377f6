package org.sundwerk.app.portal;

import java.time.LocalDate;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Registration;
import org.sundwerk.access.account.Role;
import org.sundwerk.business.Text;
import org.sundwerk.business.partner.PartnerTerms;
import org.sundwerk.business.partner.Partners;

/** People and terms for the workplace tests, in the portal's default tenant (stralsund). */
final class Workplaces {

  static final TenantId CITY = TenantId.of("stralsund");

  private Workplaces() {}

  /** A verified account that signs in with {@link PortalTest#PASSWORD}. */
  static AccountId person(Accounts accounts, String email, String name) {
    Registration registration = accounts.register(email, name, PortalTest.PASSWORD);
    if (!(registration instanceof Registration.Created created)) {
      throw new IllegalStateException("not registered: " + registration);
    }
    accounts.verifyEmail(created.verificationToken()).orElseThrow();
    return created.account();
  }

  /** As {@link #person}, an operator of the tenant. */
  static AccountId operator(Accounts accounts, String email) {
    AccountId operator = person(accounts, email, "Betrieb Test");
    accounts.grant(operator, new Role.Operator(CITY));
    return operator;
  }

  /** Publishes terms version 1 unless the tenant has terms (the test context is shared). */
  static void terms(Partners partners) {
    if (partners.currentTerms(CITY).isEmpty()) {
      partners.publishTerms(
          CITY,
          new PartnerTerms(
              1,
              Text.of("# Partnerbedingungen\n\nErstens.", "# Partner terms\n\nFirst."),
              LocalDate.parse("2025-01-01")));
    }
  }
}
