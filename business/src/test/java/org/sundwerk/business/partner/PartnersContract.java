package org.sundwerk.business.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Text;
import org.sundwerk.business.db.BusinessDatabase;

/**
 * What {@link Partners} promises on every database: onboarding through its state machine with a
 * history that only grows, terms accepted by version, tenants apart. Subclassed once per backend.
 */
abstract class PartnersContract {

  static final TenantId CITY = TenantId.of("stralsund");
  static final TenantId OTHER = TenantId.of("grimmen");
  static final PartnerId SUNDRAD = new PartnerId("sundrad");
  static final AccountId APPLICANT = new AccountId("applicant-1");
  static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

  Partners partners;

  abstract BusinessDatabase database();

  @BeforeEach
  void open() {
    partners = Partners.open(database(), Clock.fixed(START, ZoneOffset.UTC));
    partners.publishTerms(
        CITY,
        new PartnerTerms(1, Text.of("# Bedingungen", "# Terms"), LocalDate.parse("2025-01-01")));
  }

  static PartnerProfile bikeHire() {
    return new PartnerProfile(
        PartnerKind.BUSINESS,
        "Sundrad",
        "Sundrad Fahrradverleih GmbH",
        new Address("Hafenstraße 3", "18439", "Stralsund", "de"),
        List.of(
            new Contact(
                "Lena Beispiel",
                "Geschäftsführung",
                "lena@sundrad.example",
                Optional.of("+49 3831 000000")),
            new Contact("Tom Muster", "Buchhaltung", "tom@sundrad.example", Optional.empty())),
        Optional.of(new VatId("DE123456789")),
        Optional.of(
            new BankAccount(
                new Iban("DE89 3704 0044 0532 0130 00"), Optional.of("COBADEFFXXX"), "Sundrad")),
        Optional.empty());
  }

  Partner applied() {
    return partners.apply(CITY, SUNDRAD, bikeHire(), APPLICANT, "account:applicant-1");
  }

  @Test
  void anApplicationIsStoredWithItsWholeProfile() {
    Partner partner = applied();

    assertThat(partner.status()).isEqualTo(PartnerStatus.APPLIED);
    assertThat(partner.profile()).isEqualTo(bikeHire());
    assertThat(partner.applicant()).isEqualTo(APPLICANT);
    assertThat(partner.appliedAt()).isEqualTo(START);
    assertThat(partners.find(CITY, SUNDRAD)).contains(partner);
    assertThat(partners.find(OTHER, SUNDRAD)).isEmpty();
  }

  @Test
  void aTakenIdIsAConflict() {
    applied();

    assertThatThrownBy(this::applied)
        .isInstanceOfSatisfying(
            BusinessProblem.class,
            p -> assertThat(p.kind()).isEqualTo(BusinessProblem.Kind.CONFLICT));
  }

  @Test
  void anIdIsASlug() {
    assertThatThrownBy(
            () ->
                partners.apply(CITY, new PartnerId("Sund Rad"), bikeHire(), APPLICANT, "account:a"))
        .isInstanceOfSatisfying(
            BusinessProblem.class,
            p -> assertThat(p.kind()).isEqualTo(BusinessProblem.Kind.INVALID));
  }

  @Test
  void applyApproveAcceptTermsMakesAnActivePartnerWithItsHistory() {
    applied();
    Partners later = partners.at(Clock.fixed(START.plusSeconds(3600), ZoneOffset.UTC));

    later.step(CITY, SUNDRAD, PartnerStep.APPROVE, "account:operator", Optional.of("fits"));
    Partner active = later.acceptTerms(CITY, SUNDRAD, 1, APPLICANT, "account:applicant-1");

    assertThat(active.status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(active.changedAt()).isEqualTo(START.plusSeconds(3600));
    assertThat(partners.history(CITY, SUNDRAD))
        .extracting(Transition::to)
        .containsExactly(PartnerStatus.APPLIED, PartnerStatus.APPROVED, PartnerStatus.ACTIVE);
    Transition approval = partners.history(CITY, SUNDRAD).get(1);
    assertThat(approval.from()).contains(PartnerStatus.APPLIED);
    assertThat(approval.actor()).isEqualTo("account:operator");
    assertThat(approval.reason()).contains("fits");
    assertThat(partners.history(CITY, SUNDRAD).get(2).termsVersion()).contains(1);
    assertThat(partners.acceptances(CITY, SUNDRAD))
        .containsExactly(new TermsAcceptance(1, APPLICANT, START.plusSeconds(3600)));
  }

  @Test
  void illegalStepsAreConflictsAndLeaveNoHistory() {
    applied();

    for (PartnerStep step :
        List.of(PartnerStep.SUSPEND, PartnerStep.REINSTATE, PartnerStep.LEAVE)) {
      assertThatThrownBy(
              () -> partners.step(CITY, SUNDRAD, step, "account:x", Optional.of("because")))
          .isInstanceOfSatisfying(
              BusinessProblem.class,
              p -> assertThat(p.kind()).isEqualTo(BusinessProblem.Kind.CONFLICT));
    }
    assertThatThrownBy(() -> partners.acceptTerms(CITY, SUNDRAD, 1, APPLICANT, "account:a"))
        .isInstanceOf(BusinessProblem.class);
    assertThat(partners.history(CITY, SUNDRAD)).hasSize(1);
    assertThat(partners.acceptances(CITY, SUNDRAD)).isEmpty();
  }

  @Test
  void aRejectedApplicationIsFinalAndKeepsItsReason() {
    applied();

    partners.step(CITY, SUNDRAD, PartnerStep.REJECT, "account:op", Optional.of("no address"));

    assertThat(partners.get(CITY, SUNDRAD).status()).isEqualTo(PartnerStatus.REJECTED);
    assertThat(partners.history(CITY, SUNDRAD).getLast().reason()).contains("no address");
    assertThatThrownBy(
            () -> partners.step(CITY, SUNDRAD, PartnerStep.APPROVE, "account:op", Optional.empty()))
        .isInstanceOf(BusinessProblem.class);
  }

  @Test
  void suspendingAndReinstatingNeedAReasonAndLeavingKeepsTheHistory() {
    applied();
    partners.step(CITY, SUNDRAD, PartnerStep.APPROVE, "account:op", Optional.empty());
    partners.acceptTerms(CITY, SUNDRAD, 1, APPLICANT, "account:applicant-1");

    assertThatThrownBy(
            () -> partners.step(CITY, SUNDRAD, PartnerStep.SUSPEND, "account:op", Optional.of(" ")))
        .isInstanceOfSatisfying(
            BusinessProblem.class,
            p -> assertThat(p.kind()).isEqualTo(BusinessProblem.Kind.INVALID));
    partners.step(CITY, SUNDRAD, PartnerStep.SUSPEND, "account:op", Optional.of("unpaid fees"));
    partners.step(CITY, SUNDRAD, PartnerStep.REINSTATE, "account:op", Optional.of("paid"));
    partners.step(CITY, SUNDRAD, PartnerStep.LEAVE, "account:applicant-1", Optional.empty());

    assertThat(partners.get(CITY, SUNDRAD).status()).isEqualTo(PartnerStatus.LEFT);
    assertThat(partners.history(CITY, SUNDRAD))
        .extracting(Transition::to)
        .containsExactly(
            PartnerStatus.APPLIED,
            PartnerStatus.APPROVED,
            PartnerStatus.ACTIVE,
            PartnerStatus.SUSPENDED,
            PartnerStatus.ACTIVE,
            PartnerStatus.LEFT);
  }

  @Test
  void onlyTheTermsInForceCanBeAccepted() {
    applied();
    partners.step(CITY, SUNDRAD, PartnerStep.APPROVE, "account:op", Optional.empty());
    partners.publishTerms(
        CITY, new PartnerTerms(2, Text.of("# Neu", "# New"), LocalDate.parse("2026-06-01")));

    assertThat(partners.currentTerms(CITY)).map(PartnerTerms::version).contains(1);
    assertThatThrownBy(() -> partners.acceptTerms(CITY, SUNDRAD, 2, APPLICANT, "account:a"))
        .isInstanceOf(BusinessProblem.class);
    Partners summer =
        partners.at(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
    assertThat(summer.currentTerms(CITY).orElseThrow().text().en()).contains("# New");
    assertThat(summer.acceptTerms(CITY, SUNDRAD, 2, APPLICANT, "account:a").status())
        .isEqualTo(PartnerStatus.ACTIVE);
  }

  @Test
  void termsVersionsCountUpWithoutGaps() {
    assertThatThrownBy(
            () ->
                partners.publishTerms(
                    CITY, new PartnerTerms(3, Text.of("x", null), LocalDate.parse("2026-01-01"))))
        .isInstanceOf(BusinessProblem.class);
    assertThat(partners.currentTerms(OTHER)).isEmpty();
  }

  @Test
  void listsFilterByStatusAndStayInTheirTenant() {
    applied();
    partners.apply(
        CITY, new PartnerId("hotel-hafenblick"), bikeHire(), new AccountId("b"), "account:b");
    partners.step(CITY, SUNDRAD, PartnerStep.APPROVE, "account:op", Optional.empty());

    assertThat(partners.list(CITY, Optional.empty())).hasSize(2);
    assertThat(partners.list(CITY, Optional.of(PartnerStatus.APPLIED)))
        .extracting(Partner::id)
        .containsExactly(new PartnerId("hotel-hafenblick"));
    assertThat(partners.list(OTHER, Optional.empty())).isEmpty();
  }

  @Test
  void anUnknownPartnerIsNotFound() {
    assertThatThrownBy(() -> partners.history(CITY, SUNDRAD))
        .isInstanceOfSatisfying(
            BusinessProblem.class,
            p -> assertThat(p.kind()).isEqualTo(BusinessProblem.Kind.NOT_FOUND));
  }
}
