package org.sundwerk.business.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.access.key.ApiKeys;
import org.sundwerk.access.key.KeyGrant;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Money;
import org.sundwerk.business.Text;
import org.sundwerk.business.VatRate;
import org.sundwerk.business.db.BusinessDatabase;

/**
 * The contract of {@link Offers}, {@link Orders} and {@link Ordering}, run on SQLite and PostgreSQL
 * by the subclasses. API keys live in a SQLite access database of their own: what is under test
 * here is the offer tables; the app test runs keys and offers in one database.
 */
abstract class OffersContract {

  static final TenantId CITY = TenantId.of("stralsund");
  static final PartnerId RADHAUS = new PartnerId("radhaus");
  static final PartnerId PARKHANSE = new PartnerId("parkhanse");
  static final PartnerId HOTEL = new PartnerId("hotel");
  static final AccountId GUEST = new AccountId("guest");
  static final String PARKING = "https://smartdatamodels.org/dataModel.Parking/OffStreetParking";

  /** 2026-12-03 10:00 in Stralsund. */
  static final Instant START = Instant.parse("2026-12-03T09:00:00Z");

  /** A fresh, empty database of the backend under test. */
  abstract BusinessDatabase database();

  final TestClock clock = new TestClock(START);
  Path keyFile;
  AccessDatabase access;
  ApiKeys keys;
  Offers offers;
  Orders orders;
  Ordering ordering;

  @BeforeEach
  void open() throws IOException {
    keyFile = Files.createTempFile("offer-keys", ".db");
    access = AccessDatabase.sqlite(keyFile);
    keys = new ApiKeys(access, clock, new SecureRandom());
    for (String account : List.of(GUEST.value(), "other")) {
      access.update(
          "INSERT INTO access_accounts (id, email, display_name, created_at) VALUES (?, ?, ?, 0)",
          account,
          account + "@example.org",
          account);
    }
    BusinessDatabase database = database();
    offers = new Offers(database, clock);
    orders = new Orders(database);
    ordering = new Ordering(offers, orders, keys, clock);
  }

  @AfterEach
  void close() throws IOException {
    access.close();
    Files.deleteIfExists(keyFile);
  }

  static OfferDraft draft(String service, BusinessModel model) {
    return new OfferDraft(
        service,
        Text.of("Angebot", "Offer"),
        Text.of("# Bedingungen", "# Terms"),
        model,
        VatRate.STANDARD,
        LocalDate.of(2026, 1, 1),
        Optional.empty(),
        Optional.empty());
  }

  static BusinessModel monthly(String price, int noticeDays, int minimumMonths) {
    return new BusinessModel.Subscription(
        BusinessModel.Period.MONTHLY, Money.euros(price), noticeDays, minimumMonths);
  }

  Offer published(String id, PartnerId provider, OfferDraft draft) {
    offers.create(CITY, new OfferId(id), provider, draft);
    return offers.publish(CITY, new OfferId(id));
  }

  Offer dataOffer() {
    return published(
        "parkdaten",
        PARKHANSE,
        new OfferDraft(
            "parkhausbelegung-daten",
            Text.of("Parkhausbelegung", "Car park occupancy"),
            Text.of("Nur für eigene Zwecke.", null),
            new BusinessModel.Freemium(
                BusinessModel.Unit.API_CALL, 1000, Optional.of(Tiers.of(Tier.of(0, "0.002")))),
            VatRate.STANDARD,
            LocalDate.of(2026, 1, 1),
            Optional.empty(),
            Optional.of(new DataProduct(Set.of(PARKING), 60))));
  }

  @Test
  void aNewOfferIsADraftWithTheFirstVersionOfItsTermsAndPrice() {
    Offer offer =
        offers.create(
            CITY, new OfferId("leihrad"), RADHAUS, draft("sundrad", monthly("9.90", 30, 0)));

    assertThat(offer.status()).isEqualTo(OfferStatus.DRAFT);
    assertThat(offer.terms().version()).isEqualTo(1);
    assertThat(offer.price().version()).isEqualTo(1);
    assertThat(offers.get(CITY, offer.id())).isEqualTo(offer);
    assertThat(offers.find(TenantId.of("elsewhere"), offer.id())).isEmpty();
  }

  @Test
  void everyBusinessModelReadsBackAsItWasWritten() {
    List<BusinessModel> models =
        List.of(
            new BusinessModel.Free(),
            new BusinessModel.Subscription(
                BusinessModel.Period.YEARLY, Money.euros("129.00"), 14, 12),
            new BusinessModel.Metered(
                BusinessModel.Unit.PARKING_HOUR,
                Tiers.of(Tier.of(0, "2.5"), Tier.of(3, "1.2345"), Tier.of(24, "0"))),
            new BusinessModel.Freemium(BusinessModel.Unit.BOOKING, 5, Optional.empty()),
            new BusinessModel.Freemium(
                BusinessModel.Unit.KWH, 10, Optional.of(Tiers.of(Tier.of(0, "0.39")))),
            new BusinessModel.Sponsored(new PartnerId("stadtwerke-stralsund"), Money.euros("250")),
            new BusinessModel.PublicService(
                new PartnerId("hansestadt; =city"), Money.euros("0.5")));
    for (int i = 0; i < models.size(); i++) {
      Offer offer = offers.create(CITY, new OfferId("o" + i), RADHAUS, draft("s", models.get(i)));
      assertThat(offers.get(CITY, offer.id()).price().model()).isEqualTo(models.get(i));
    }
  }

  @Test
  void aPriceChangeMakesANewVersionAndKeepsTheOldOne() {
    OfferId id = new OfferId("leihrad");
    offers.create(CITY, id, RADHAUS, draft("sundrad", monthly("9.90", 30, 0)));

    Offer renamed =
        offers.revise(
            CITY,
            id,
            new OfferDraft(
                "sundrad",
                Text.of("Leihrad Abo", "Bike subscription"),
                Text.of("# Bedingungen", "# Terms"),
                monthly("9.90", 30, 0),
                VatRate.STANDARD,
                LocalDate.of(2026, 1, 1),
                Optional.empty(),
                Optional.empty()));
    assertThat(renamed.price().version()).isEqualTo(1);
    assertThat(renamed.terms().version()).isEqualTo(1);
    assertThat(renamed.name().de()).isEqualTo("Leihrad Abo");

    Offer repriced = offers.revise(CITY, id, draft("sundrad", monthly("11.90", 30, 0)));
    assertThat(repriced.price().version()).isEqualTo(2);
    assertThat(repriced.terms().version()).isEqualTo(1);
    assertThat(offers.price(CITY, id, 1).orElseThrow().model()).isEqualTo(monthly("9.90", 30, 0));
    assertThat(offers.price(CITY, id, 2).orElseThrow().model()).isEqualTo(monthly("11.90", 30, 0));
  }

  @Test
  void newTermsMakeANewVersionAndKeepTheOldOne() {
    OfferId id = new OfferId("leihrad");
    offers.create(CITY, id, RADHAUS, draft("sundrad", new BusinessModel.Free()));

    Offer revised =
        offers.revise(
            CITY,
            id,
            new OfferDraft(
                "sundrad",
                Text.of("Angebot", "Offer"),
                Text.of("# Neue Bedingungen", "# New terms"),
                new BusinessModel.Free(),
                VatRate.STANDARD,
                LocalDate.of(2026, 1, 1),
                Optional.empty(),
                Optional.empty()));

    assertThat(revised.terms().version()).isEqualTo(2);
    assertThat(offers.terms(CITY, id, 1).orElseThrow().markdown().de()).isEqualTo("# Bedingungen");
    assertThat(offers.terms(CITY, id, 2).orElseThrow().markdown().de())
        .isEqualTo("# Neue Bedingungen");
  }

  @Test
  void publishAndWithdrawMoveTheStatusOnlyForward() {
    OfferId id = new OfferId("leihrad");
    offers.create(CITY, id, RADHAUS, draft("sundrad", new BusinessModel.Free()));

    assertThatThrownBy(() -> offers.withdraw(CITY, id))
        .isInstanceOfSatisfying(
            BusinessProblem.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessProblem.Kind.CONFLICT));
    assertThat(offers.publish(CITY, id).status()).isEqualTo(OfferStatus.PUBLISHED);
    assertThatThrownBy(() -> offers.publish(CITY, id)).isInstanceOf(BusinessProblem.class);
    assertThat(offers.withdraw(CITY, id).status()).isEqualTo(OfferStatus.WITHDRAWN);
    assertThat(offers.publish(CITY, id).status()).isEqualTo(OfferStatus.PUBLISHED);
  }

  @Test
  void aSecondOfferWithTheSameIdIsAConflictAndAnUnknownOneIsNotFound() {
    OfferId id = new OfferId("leihrad");
    offers.create(CITY, id, RADHAUS, draft("sundrad", new BusinessModel.Free()));

    assertThatThrownBy(
            () -> offers.create(CITY, id, RADHAUS, draft("sundrad", new BusinessModel.Free())))
        .isInstanceOfSatisfying(
            BusinessProblem.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessProblem.Kind.CONFLICT));
    assertThatThrownBy(() -> offers.publish(CITY, new OfferId("none")))
        .isInstanceOfSatisfying(
            BusinessProblem.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessProblem.Kind.NOT_FOUND));
  }

  @Test
  void theListFiltersByServiceProviderAndStatus() {
    published("a", RADHAUS, draft("sundrad", new BusinessModel.Free()));
    offers.create(CITY, new OfferId("b"), RADHAUS, draft("sundrad", new BusinessModel.Free()));
    published("c", PARKHANSE, draft("parkleitsystem", new BusinessModel.Free()));

    assertThat(ids(offers.list(CITY, Offers.Filter.published()))).containsExactly("c", "a");
    assertThat(ids(offers.list(CITY, Offers.Filter.published().ofService("sundrad"))))
        .containsExactly("a");
    assertThat(ids(offers.list(CITY, Offers.Filter.ofProvider(RADHAUS)))).containsExactly("a", "b");
    assertThat(offers.list(TenantId.of("elsewhere"), Offers.Filter.published())).isEmpty();
  }

  private static List<String> ids(List<Offer> offers) {
    return offers.stream().map(offer -> offer.id().value()).toList();
  }

  @Test
  void anOrderNeedsAPublishedOfferAValidPriceAndTheCurrentTerms() {
    OfferId id = new OfferId("leihrad");
    offers.create(CITY, id, RADHAUS, draft("sundrad", monthly("9.90", 30, 0)));

    assertThatThrownBy(() -> ordering.place(CITY, id, GUEST, Optional.empty(), 1))
        .isInstanceOf(BusinessProblem.class);
    offers.publish(CITY, id);
    assertThatThrownBy(() -> ordering.place(CITY, id, GUEST, Optional.empty(), 2))
        .hasMessageContaining("version 1");
    clock.set(Instant.parse("2025-12-31T12:00:00Z"));
    assertThatThrownBy(() -> ordering.place(CITY, id, GUEST, Optional.empty(), 1))
        .hasMessageContaining("not valid today");
    clock.set(START);

    Order order = ordering.place(CITY, id, GUEST, Optional.empty(), 1).order();
    assertThat(order.status()).isEqualTo(OrderStatus.ACTIVE);
    assertThat(order.consent()).isEqualTo(new Order.Consent(1, START));
    assertThat(order.periodEnd()).isEqualTo(Instant.parse("2027-01-03T09:00:00Z"));
    assertThat(orders.find(CITY, order.id())).contains(order);
  }

  @Test
  void anOrderKeepsThePriceVersionItBoughtWhenThePriceChanges() {
    Offer offer = published("leihrad", RADHAUS, draft("sundrad", monthly("9.90", 30, 0)));
    Order order = ordering.place(CITY, offer.id(), GUEST, Optional.empty(), 1).order();

    offers.revise(CITY, offer.id(), draft("sundrad", monthly("14.90", 30, 0)));

    Order stored = orders.find(CITY, order.id()).orElseThrow();
    assertThat(stored.priceVersion()).isEqualTo(1);
    assertThat(offers.price(CITY, offer.id(), stored.priceVersion()).orElseThrow().model())
        .isEqualTo(monthly("9.90", 30, 0));
    Order later = ordering.place(CITY, offer.id(), GUEST, Optional.empty(), 1).order();
    assertThat(later.priceVersion()).isEqualTo(2);
  }

  @Test
  void aDataProductIssuesAKeyForItsTypesAndCancellingRevokesItAtOnce() {
    Offer offer = dataOffer();

    Ordering.Placed placed = ordering.place(CITY, offer.id(), GUEST, Optional.of(HOTEL), 1);

    String secret = placed.key().orElseThrow().key();
    KeyGrant grant = keys.authenticate(secret).orElseThrow();
    assertThat(grant.owner()).isEqualTo(GUEST);
    assertThat(grant.actingFor()).contains(HOTEL);
    assertThat(grant.scope().tenants()).containsExactly(CITY);
    assertThat(grant.scope().operations()).containsExactly(Operation.READ);
    assertThat(grant.scope().entityTypes()).containsExactly(PARKING);
    assertThat(grant.scope().requestsPerMinute()).contains(60);
    assertThat(placed.order().key()).contains(grant.id());

    Order cancelled = ordering.cancel(CITY, placed.order().id());

    assertThat(cancelled.status()).isEqualTo(OrderStatus.ENDED);
    assertThat(cancelled.cancellation()).contains(new Order.Cancellation(START, START));
    assertThat(keys.authenticate(secret)).isEmpty();
    assertThatThrownBy(() -> ordering.cancel(CITY, placed.order().id()))
        .isInstanceOf(BusinessProblem.class);
  }

  @Test
  void aSubscriptionEndsAtThePeriodEndAfterTheNoticeAndTheMinimumTerm() {
    Offer offer = published("abo", RADHAUS, draft("sundrad", monthly("9.90", 30, 3)));
    Order order = ordering.place(CITY, offer.id(), GUEST, Optional.empty(), 1).order();

    clock.advance(Duration.ofDays(10));
    Order cancelled = ordering.cancel(CITY, order.id());

    // 3 months minimum term: the third period ends 2027-03-03 10:00 Berlin time
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED_PENDING);
    assertThat(cancelled.cancellation().orElseThrow().effectiveAt())
        .isEqualTo(Instant.parse("2027-03-03T09:00:00Z"));
    assertThat(ordering.settle()).isZero();

    clock.set(Instant.parse("2027-03-03T09:00:00Z"));
    assertThat(ordering.settle()).isEqualTo(1);
    assertThat(orders.find(CITY, order.id()).orElseThrow().status()).isEqualTo(OrderStatus.ENDED);
  }

  @Test
  void aNoticePeriodPushesTheEndToTheNextPeriod() {
    Offer offer = published("abo", RADHAUS, draft("sundrad", monthly("9.90", 14, 0)));
    Order order = ordering.place(CITY, offer.id(), GUEST, Optional.empty(), 1).order();

    clock.set(Instant.parse("2026-12-25T09:00:00Z"));
    Order cancelled = ordering.cancel(CITY, order.id());

    assertThat(cancelled.cancellation().orElseThrow().effectiveAt())
        .isEqualTo(Instant.parse("2027-02-03T09:00:00Z"));
  }

  @Test
  void anActiveSubscriptionRenewsAtItsPeriodEnd() {
    Offer offer = published("abo", RADHAUS, draft("sundrad", monthly("9.90", 30, 0)));
    Order order = ordering.place(CITY, offer.id(), GUEST, Optional.empty(), 1).order();

    clock.set(Instant.parse("2027-02-10T00:00:00Z"));
    assertThat(ordering.settle()).isEqualTo(1);

    Order renewed = orders.find(CITY, order.id()).orElseThrow();
    assertThat(renewed.status()).isEqualTo(OrderStatus.ACTIVE);
    assertThat(renewed.periodEnd()).isEqualTo(Instant.parse("2027-03-03T09:00:00Z"));
  }

  @Test
  void ordersAreListedForTheirConsumerAndForTheProviderOfTheOffer() {
    Offer bikes = published("abo", RADHAUS, draft("sundrad", new BusinessModel.Free()));
    Offer parking = dataOffer();
    Order first = ordering.place(CITY, bikes.id(), GUEST, Optional.empty(), 1).order();
    clock.advance(Duration.ofMinutes(1));
    Order second = ordering.place(CITY, parking.id(), GUEST, Optional.of(HOTEL), 1).order();
    Order other =
        ordering.place(CITY, parking.id(), new AccountId("other"), Optional.empty(), 1).order();

    assertThat(orders.ofConsumer(CITY, GUEST)).containsExactly(second, first);
    assertThat(orders.ofProvider(CITY, PARKHANSE)).containsExactlyInAnyOrder(second, other);
    assertThat(orders.ofProvider(CITY, RADHAUS)).containsExactly(first);
    assertThat(orders.all(CITY)).hasSize(3);
    assertThat(orders.ofConsumer(TenantId.of("elsewhere"), GUEST)).isEmpty();
  }
}
