package org.sundwerk.portal.offer;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.sundwerk.business.Money;
import org.sundwerk.business.VatRate;
import org.sundwerk.business.offer.BusinessModel;
import org.sundwerk.business.offer.Price;
import org.sundwerk.business.offer.Tier;
import org.sundwerk.business.offer.Tiers;

/**
 * A price in plain words in the reader's language ("9,90 € im Monat, monatlich kündbar", "0,002 €
 * je Abruf ab dem 1.001. Abruf"), money and counts formatted for the reader's locale (German
 * grouping and decimal comma for German readers). Stateless.
 */
final class OfferWords {

  private final MessageSource messages;
  private final Locale locale;

  OfferWords(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  /**
   * The number format's locale: German conventions for German readers ("1.001", "9,90 €"), British
   * ones for everyone else ("1,001", "€9.90"); the currency is always the euro.
   */
  private Locale numbers() {
    return "de".equals(locale.getLanguage()) ? Locale.GERMANY : Locale.UK;
  }

  String money(Money money) {
    return amount(money.amount(), 2);
  }

  /** An amount in EUR with at least two and at most {@code maxDecimals} decimals. */
  private String amount(BigDecimal amount, int maxDecimals) {
    NumberFormat format = NumberFormat.getCurrencyInstance(numbers());
    format.setCurrency(Money.EUR);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(maxDecimals);
    return format.format(amount);
  }

  private String count(long count) {
    return NumberFormat.getIntegerInstance(numbers()).format(count);
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  /** The business model in one or more sentences. */
  String model(BusinessModel model) {
    return switch (model) {
      case BusinessModel.Free free -> text("offer.model.free");
      case BusinessModel.Subscription s -> subscription(s);
      case BusinessModel.Metered m -> tiers(m.unit(), m.tiers(), 0);
      case BusinessModel.Freemium f ->
          text(
              "offer.model.freemium." + f.unit(),
              count(f.includedPerMonth()),
              f.beyond()
                  .map(t -> tiers(f.unit(), t, f.includedPerMonth()))
                  .orElse(text("offer.model.blocked")));
      case BusinessModel.Sponsored s ->
          text("offer.model.sponsored", s.sponsor().value(), money(s.pricePerMonth()));
      case BusinessModel.PublicService p ->
          text("offer.model.public", p.payer().value(), money(p.pricePerMonth()));
    };
  }

  private String subscription(BusinessModel.Subscription s) {
    List<String> parts = new ArrayList<>();
    parts.add(text("offer.model.subscription." + s.period(), money(s.price())));
    if (s.noticeDays() == 0 && s.minimumTermMonths() == 0) {
      parts.add(text("offer.model.cancel.anytime." + s.period()));
    }
    if (s.noticeDays() > 0) {
      parts.add(text("offer.model.cancel.notice", s.noticeDays()));
    }
    if (s.minimumTermMonths() > 0) {
      parts.add(text("offer.model.cancel.minimum", s.minimumTermMonths()));
    }
    return String.join(", ", parts);
  }

  /**
   * The tiers of {@code unit}, each unit numbered after {@code offset} units (a freemium quota), so
   * the first paid call of "1,000 free" is "from the 1,001st call".
   */
  private String tiers(BusinessModel.Unit unit, Tiers tiers, long offset) {
    List<String> parts = new ArrayList<>();
    for (Tier tier : tiers.tiers()) {
      String price = amount(tier.unitPrice(), Tier.PRICE_SCALE);
      long first = offset + tier.from() + 1;
      parts.add(
          first == 1
              ? text("offer.unit." + unit + ".each", price)
              : text("offer.unit." + unit + ".from", price, count(first)));
    }
    return String.join(", ", parts);
  }

  /** The VAT the prices carry. */
  String vat(Price price) {
    return price.vat() == VatRate.EXEMPT
        ? text("offer.vat.exempt")
        : text("offer.vat.net", price.vat().percent().toPlainString());
  }
}
