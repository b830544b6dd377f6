package org.sundwerk.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Role;
import org.sundwerk.app.business.OfferJson;
import org.sundwerk.business.offer.OfferId;
import org.sundwerk.business.offer.Offers;
import org.sundwerk.business.offer.Ordering;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's offers ({@code demo/offers.json}): one or more per demo service, over every business
 * model, published; and the orders of demo partners (the Hotel Hafenblick bought the car park
 * data). Seeded only when the tenant has no offer yet. The demo member accounts are made verified
 * without a password (set one through the portal's reset) when they do not exist.
 */
public final class DemoOffers {

  private final Offers offers;
  private final Ordering ordering;
  private final Accounts accounts;
  private final Clock clock;

  public DemoOffers(Offers offers, Ordering ordering, Accounts accounts, Clock clock) {
    this.offers = offers;
    this.ordering = ordering;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** Seeds the offers and orders; false when the tenant had offers already. */
  public boolean seedIfEmpty() {
    JsonNode demo = read();
    TenantId tenant = TenantId.of(demo.path("tenant").asString());
    if (!offers
        .list(tenant, new Offers.Filter(Optional.empty(), Optional.empty(), Optional.empty()))
        .isEmpty()) {
      return false;
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), Ordering.ZONE);
    for (JsonNode offer : demo.path("offers")) {
      OfferId id = new OfferId(offer.path("id").asString());
      offers.create(
          tenant,
          id,
          new PartnerId(OfferJson.required(offer, "provider")),
          OfferJson.draft(offer, today));
      offers.publish(tenant, id);
    }
    for (JsonNode order : demo.path("orders")) {
      PartnerId partner = new PartnerId(order.path("partner").asString());
      AccountId account =
          member(
              order.path("email").asString(),
              order.path("displayName").asString(),
              tenant,
              partner);
      OfferId offer = new OfferId(order.path("offer").asString());
      ordering.place(
          tenant,
          offer,
          account,
          Optional.of(partner),
          offers.get(tenant, offer).terms().version());
    }
    return true;
  }

  private AccountId member(String email, String name, TenantId tenant, PartnerId partner) {
    Optional<AccountId> existing = accounts.findByEmail(email).map(account -> account.id());
    if (existing.isPresent()) {
      return existing.get();
    }
    AccountId created = accounts.createVerified(email, name).orElseThrow();
    accounts.grant(created, new Role.Member(tenant, partner, PartnerRole.VIEWER));
    return created;
  }

  private static JsonNode read() {
    try (InputStream in = DemoOffers.class.getResourceAsStream("/demo/offers.json")) {
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
