package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.AccountPolicy;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.PasswordHasher;
import org.sundwerk.access.account.PasswordRules;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.access.key.ApiKeys;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.offer.Offer;
import org.sundwerk.business.offer.OfferId;
import org.sundwerk.business.offer.OfferStatus;
import org.sundwerk.business.offer.Offers;
import org.sundwerk.business.offer.Ordering;
import org.sundwerk.business.offer.Orders;

/** The demo offers: every business model, published, the hotel's data order; seeded once. */
class DemoOffersTest {

  static final TenantId STRALSUND = TenantId.of("stralsund");

  @TempDir Path dir;
  AccessDatabase database;
  Accounts accounts;
  Offers offers;
  Orders orders;
  DemoOffers demo;

  @BeforeEach
  void open() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
    SecureRandom random = new SecureRandom();
    database = AccessDatabase.sqlite(dir.resolve("sundwerk.db"));
    accounts =
        new Accounts(
            database,
            clock,
            new PasswordHasher(new PasswordHasher.Cost(64, 1, 1), random),
            PasswordRules.standard(),
            AccountPolicy.DEFAULT,
            random);
    BusinessDatabase business = BusinessDatabase.of(database.dataSource());
    offers = new Offers(business, clock);
    orders = new Orders(business);
    Ordering ordering = new Ordering(offers, orders, new ApiKeys(database, clock, random), clock);
    demo = new DemoOffers(offers, ordering, accounts, clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void seedsPublishedOffersOfEveryModelAndTheHotelsOrdersOnce() {
    assertThat(demo.seedIfEmpty()).isTrue();

    var published = offers.list(STRALSUND, Offers.Filter.published());
    assertThat(published)
        .hasSizeGreaterThanOrEqualTo(10)
        .allMatch(o -> o.status() == OfferStatus.PUBLISHED);
    assertThat(published.stream().map(o -> o.price().model().getClass().getSimpleName()).distinct())
        .containsExactlyInAnyOrder(
            "Free", "Subscription", "Metered", "Freemium", "Sponsored", "PublicService");
    Offer data = offers.get(STRALSUND, new OfferId("parkhausbelegung-api"));
    assertThat(data.dataProduct()).isPresent();
    var hotel = orders.ofProvider(STRALSUND, new PartnerId("parkhanse"));
    assertThat(hotel).hasSize(1);
    assertThat(hotel.getFirst().actingFor()).contains(new PartnerId("hotel-hafenblick"));
    assertThat(hotel.getFirst().key()).isPresent();
    assertThat(accounts.findByEmail("hotel@stralsund.example")).isPresent();

    assertThat(demo.seedIfEmpty()).isFalse();
    assertThat(orders.all(STRALSUND)).hasSize(2);
    assertThat(offers.list(STRALSUND, Offers.Filter.published())).hasSameSizeAs(published);
  }
}
