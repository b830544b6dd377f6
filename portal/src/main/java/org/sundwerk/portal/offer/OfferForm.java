package org.sundwerk.portal.offer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.sundwerk.access.PartnerId;
import org.sundwerk.business.Money;
import org.sundwerk.business.Text;
import org.sundwerk.business.VatRate;
import org.sundwerk.business.offer.BusinessModel;
import org.sundwerk.business.offer.DataProduct;
import org.sundwerk.business.offer.Offer;
import org.sundwerk.business.offer.OfferDraft;
import org.sundwerk.business.offer.Tier;
import org.sundwerk.business.offer.Tiers;

/**
 * The workplace's offer form, bound from its fields (Spring binds a record by its components).
 * Amounts accept a decimal comma. One price per unit for metered and freemium offers: the API takes
 * graduated tiers. {@link #draft} throws {@link IllegalArgumentException} on a broken field.
 */
record OfferForm(
    String id,
    String service,
    String nameDe,
    String nameEn,
    String termsDe,
    String termsEn,
    String kind,
    String period,
    String price,
    Integer noticeDays,
    Integer minimumMonths,
    String unit,
    String unitPrice,
    Long included,
    String payer,
    String vat,
    String dataTypes,
    Integer rate) {

  static OfferForm empty() {
    return new OfferForm(
        "",
        "",
        "",
        "",
        "",
        "",
        "free",
        "MONTHLY",
        "",
        0,
        0,
        "API_CALL",
        "",
        0L,
        "",
        "STANDARD",
        "",
        60);
  }

  /**
   * The form filled with {@code offer}; empty when the form cannot show its model (graduated tiers:
   * they are edited through the API), so that saving the form never drops a tier.
   */
  static Optional<OfferForm> of(Offer offer) {
    BusinessModel model = offer.price().model();
    String kind = "free";
    String period = "MONTHLY";
    String price = "";
    int notice = 0;
    int minimum = 0;
    String unit = "API_CALL";
    String unitPrice = "";
    long included = 0;
    String payer = "";
    switch (model) {
      case BusinessModel.Free free -> {}
      case BusinessModel.Subscription s -> {
        kind = "subscription";
        period = s.period().name();
        price = s.price().amount().toPlainString();
        notice = s.noticeDays();
        minimum = s.minimumTermMonths();
      }
      case BusinessModel.Metered m -> {
        if (m.tiers().tiers().size() > 1) {
          return Optional.empty();
        }
        kind = "metered";
        unit = m.unit().name();
        unitPrice = m.tiers().tiers().getFirst().unitPrice().toPlainString();
      }
      case BusinessModel.Freemium f -> {
        if (f.beyond().filter(t -> t.tiers().size() > 1).isPresent()) {
          return Optional.empty();
        }
        kind = "freemium";
        unit = f.unit().name();
        included = f.includedPerMonth();
        unitPrice =
            f.beyond().map(t -> t.tiers().getFirst().unitPrice().toPlainString()).orElse("");
      }
      case BusinessModel.Sponsored s -> {
        kind = "sponsored";
        payer = s.sponsor().value();
        price = s.pricePerMonth().amount().toPlainString();
      }
      case BusinessModel.PublicService p -> {
        kind = "public-service";
        payer = p.payer().value();
        price = p.pricePerMonth().amount().toPlainString();
      }
    }
    return Optional.of(
        new OfferForm(
            offer.id().value(),
            offer.serviceRef(),
            offer.name().de(),
            offer.name().en().orElse(""),
            offer.terms().markdown().de(),
            offer.terms().markdown().en().orElse(""),
            kind,
            period,
            price,
            notice,
            minimum,
            unit,
            unitPrice,
            included,
            payer,
            offer.price().vat().name(),
            offer
                .dataProduct()
                .map(d -> String.join("\n", new TreeSet<>(d.entityTypes())))
                .orElse(""),
            offer.dataProduct().map(DataProduct::requestsPerMinute).orElse(60)));
  }

  /** The draft this form asks for, its price valid from {@code validFrom}. */
  OfferDraft draft(LocalDate validFrom) {
    return new OfferDraft(
        blank(service) ? "" : service.strip(),
        Text.of(orEmpty(nameDe), nameEn),
        Text.of(orEmpty(termsDe), termsEn),
        model(),
        VatRate.valueOf(orEmpty(vat).toUpperCase(Locale.ROOT)),
        validFrom,
        Optional.empty(),
        blank(dataTypes)
            ? Optional.empty()
            : Optional.of(new DataProduct(types(), rate == null ? 60 : rate)));
  }

  private BusinessModel model() {
    return switch (orEmpty(kind)) {
      case "free" -> new BusinessModel.Free();
      case "subscription" ->
          new BusinessModel.Subscription(
              BusinessModel.Period.valueOf(orEmpty(period)),
              Money.of(decimal(price)),
              noticeDays == null ? 0 : noticeDays,
              minimumMonths == null ? 0 : minimumMonths);
      case "metered" ->
          new BusinessModel.Metered(
              BusinessModel.Unit.valueOf(orEmpty(unit)), Tiers.of(new Tier(0, decimal(unitPrice))));
      case "freemium" ->
          new BusinessModel.Freemium(
              BusinessModel.Unit.valueOf(orEmpty(unit)),
              included == null ? 0 : included,
              blank(unitPrice)
                  ? Optional.empty()
                  : Optional.of(Tiers.of(new Tier(0, decimal(unitPrice)))));
      case "sponsored" ->
          new BusinessModel.Sponsored(
              new PartnerId(orEmpty(payer).strip()), Money.of(decimal(price)));
      case "public-service" ->
          new BusinessModel.PublicService(
              new PartnerId(orEmpty(payer).strip()), Money.of(decimal(price)));
      default -> throw new IllegalArgumentException("unknown business model " + kind);
    };
  }

  private Set<String> types() {
    return Arrays.stream(dataTypes.split("\\R"))
        .map(String::strip)
        .filter(type -> !type.isEmpty())
        .collect(Collectors.toSet());
  }

  private static BigDecimal decimal(String text) {
    if (blank(text)) {
      throw new IllegalArgumentException("a price is missing");
    }
    try {
      return new BigDecimal(text.strip().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a price: " + text);
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
