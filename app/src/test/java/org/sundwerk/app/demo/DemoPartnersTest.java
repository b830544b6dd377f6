package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Role;
import org.sundwerk.business.partner.Partner;
import org.sundwerk.business.partner.PartnerStatus;
import org.sundwerk.business.partner.Partners;
import org.sundwerk.business.partner.Transition;

/** The demo's partner network is there after start, with its history, and seeding is once. */
class DemoPartnersTest extends CityTest {

  static final TenantId CITY = TenantId.of(STRALSUND);

  @Autowired Partners partners;
  @Autowired Accounts accounts;

  @Test
  void twelvePartnersAreActiveAndOneApplicationWaits() {
    List<Partner> all = partners.list(CITY, Optional.empty());

    assertThat(all).hasSize(13);
    assertThat(partners.list(CITY, Optional.of(PartnerStatus.ACTIVE)))
        .extracting(p -> p.id().value())
        .contains("hansestadt-stralsund", "stadtwerke-stralsund", "sundrad", "hotel-hafenblick")
        .hasSize(12);
    assertThat(partners.list(CITY, Optional.of(PartnerStatus.APPLIED)))
        .extracting(p -> p.profile().displayName())
        .containsExactly("Café Kniepertor");
    assertThat(partners.get(CITY, new PartnerId("hansestadt-stralsund")).profile().leitwegId())
        .isPresent();
    assertThat(partners.currentTerms(CITY).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void theHistoryLiesIn2025And2026() {
    List<Transition> history = partners.history(CITY, new PartnerId("sundrad"));

    assertThat(history)
        .extracting(Transition::to)
        .containsExactly(PartnerStatus.APPLIED, PartnerStatus.APPROVED, PartnerStatus.ACTIVE);
    assertThat(history.getFirst().at())
        .isBetween(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"));
    assertThat(history.get(2).termsVersion()).contains(1);
  }

  @Test
  void sundradAndTheHotelHaveOwnersWhoSignIn() {
    assertThat(accounts.findByEmail("sundrad@stralsund.example").orElseThrow().roles())
        .contains(new Role.Member(CITY, new PartnerId("sundrad"), PartnerRole.OWNER));
    assertThat(accounts.findByEmail("hotel@stralsund.example").orElseThrow().roles())
        .contains(new Role.Member(CITY, new PartnerId("hotel-hafenblick"), PartnerRole.OWNER));
    assertThat(accounts.hasPassword(accounts.findByEmail("hotel@stralsund.example").get().id()))
        .isTrue();
  }

  @Test
  void seedingAgainChangesNothing() {
    assertThat(DemoPartners.seedIfEmpty(partners, accounts, new SecureRandom())).isEmpty();
    assertThat(partners.list(CITY, Optional.empty())).hasSize(13);
  }
}
