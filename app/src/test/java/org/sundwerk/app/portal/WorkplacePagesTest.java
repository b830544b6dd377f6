package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Role;
import org.sundwerk.business.partner.PartnerStatus;
import org.sundwerk.business.partner.Partners;

/**
 * The workplace pages over HTTP: apply with the form, an operator approves at /betrieb/partner, the
 * owner accepts the terms at /werkstatt and adds a member; the navigation shows the workplaces only
 * to those who have one; residents are refused the operator's pages.
 */
class WorkplacePagesTest extends PortalTest {

  @Autowired Accounts accounts;
  @Autowired Partners partners;

  @BeforeEach
  void terms() {
    Workplaces.terms(partners);
  }

  Visitor signedIn(String email) {
    Visitor visitor = visitor();
    Visitor.Page login = visitor.submit("/login", "email", email, "password", PASSWORD);
    assertThat(login.status()).as(login.body()).isEqualTo(302);
    return visitor;
  }

  /** Sends the application form for a business named {@code name} with {@code iban}. */
  static Visitor.Page apply(Visitor applicant, String name, String iban) {
    return applicant.submit(
        "/partner/bewerben",
        "kind",
        "BUSINESS",
        "displayName",
        name,
        "legalName",
        name + " GmbH",
        "street",
        "Seestraße 1",
        "postcode",
        "18439",
        "city",
        "Stralsund",
        "contactName",
        "Lena Beispiel",
        "contactRole",
        "Geschäftsführung",
        "contactEmail",
        "lena@example.org",
        "iban",
        iban);
  }

  @Test
  void applyApproveAcceptTermsAndAddAMember() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String applicantEmail = newAddress("applicant");
    Workplaces.person(accounts, applicantEmail, "Applicant");
    String colleague = newAddress("colleague");
    Workplaces.person(accounts, colleague, "Colleague");
    String operatorEmail = newAddress("operator");
    Workplaces.operator(accounts, operatorEmail);
    Visitor applicant = signedIn(applicantEmail);
    PartnerId id = new PartnerId("radverleih-" + suffix);

    Visitor.Page form = applicant.get("/partner/bewerben");
    assertThat(form.body()).doesNotContain("id=\"nav-workplace\"", "id=\"nav-operations\"");
    Visitor.Page applied = apply(applicant, "Radverleih " + suffix, "DE89 3704 0044 0532 0130 00");
    assertThat(applied.status()).as(applied.body()).isEqualTo(302);
    assertThat(partners.get(Workplaces.CITY, id).status()).isEqualTo(PartnerStatus.APPLIED);

    Visitor operator = signedIn(operatorEmail);
    Visitor.Page list = operator.get("/betrieb/partner");
    assertThat(list.body()).contains("id=\"nav-operations\"", "application-" + id.value());
    Visitor.Page approved =
        operator.submitOn(
            "/betrieb/partner",
            "/betrieb/partner/pruefen",
            "partner",
            id.value(),
            "decision",
            "approve",
            "reason",
            "");
    assertThat(approved.status()).isEqualTo(302);

    Visitor owner = signedIn(applicantEmail);
    Visitor.Page workplace = owner.get("/werkstatt");
    assertThat(workplace.status()).isEqualTo(200);
    assertThat(workplace.body()).contains("id=\"nav-workplace\"", "id=\"accept-terms\"");
    Visitor.Page accepted = owner.submitOn("/werkstatt", "/werkstatt/bedingungen", "version", "1");
    assertThat(accepted.status()).isEqualTo(302);
    assertThat(partners.get(Workplaces.CITY, id).status()).isEqualTo(PartnerStatus.ACTIVE);

    Visitor.Page added =
        owner.submitOn("/werkstatt", "/werkstatt/mitglieder", "email", colleague, "role", "EDITOR");
    assertThat(added.status()).isEqualTo(302);
    assertThat(owner.get("/werkstatt").body()).contains(colleague);
  }

  @Test
  void aWrongIbanShowsTheFormAgainWithTheProblem() {
    String email = newAddress("typo");
    Workplaces.person(accounts, email, "Typo");
    Visitor applicant = signedIn(email);

    Visitor.Page refused =
        apply(
            applicant,
            "Vertipper " + UUID.randomUUID().toString().substring(0, 8),
            "DE88 3704 0044 0532 0130 00");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"apply-problem\"", "check digits", "Vertipper");
  }

  @Test
  void residentsAreRefusedTheWorkplacesAndAnonymousVisitorsSignIn() {
    String email = newAddress("resident");
    Workplaces.person(accounts, email, "Resident");
    Visitor resident = signedIn(email);

    assertThat(resident.get("/betrieb/partner").status()).isEqualTo(403);
    assertThat(resident.get("/werkstatt").status()).isEqualTo(403);
    assertThat(visitor().get("/werkstatt").header("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    assertThat(visitor().get("/partner/bewerben").status()).isEqualTo(302);
  }

  @Test
  void aMemberOfAPartnerWithoutRecordIsToldSo() {
    String email = newAddress("early");
    AccountId account = Workplaces.person(accounts, email, "Early");
    accounts.grant(
        account,
        new Role.Member(Workplaces.CITY, new PartnerId("ohne-angaben"), PartnerRole.OWNER));

    Visitor.Page page = signedIn(email).get("/werkstatt");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"workplace-unknown\"", "ohne-angaben");
  }
}
