package org.sundwerk.portal.offer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sundwerk.access.PartnerId;
import org.sundwerk.business.Money;
import org.sundwerk.business.Text;
import org.sundwerk.business.VatRate;
import org.sundwerk.business.offer.BusinessModel;
import org.sundwerk.business.offer.DataProduct;
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

  OfferDraft draft(LocalDate today) {
    return new OfferDraft(
        blank(service) ? "" : service.strip(),
        Text.of(orEmpty(nameDe), nameEn),
        Text.of(orEmpty(termsDe), termsEn),
        model(),
        VatRate.valueOf(orEmpty(vat).toUpperCase(Locale.ROOT)),
        today,
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
