package org.sundwerk.business.offer;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sundwerk.access.PartnerId;
import org.sundwerk.business.Money;

/**
 * A business model as one line of text in the {@code model} column: its kind, then {@code
 * ;name=value} fields ({@code subscription;period=MONTHLY;price=9.90;notice=30;minimum=0}). Tiers
 * are {@code from:price} pairs joined by commas; partner ids are URL-encoded. Both dialects store
 * the same text, so a price version reads back exactly as it was sold.
 */
final class ModelCodec {

  private ModelCodec() {}

  static String encode(BusinessModel model) {
    return switch (model) {
      case BusinessModel.Free free -> "free";
      case BusinessModel.Subscription s ->
          "subscription;period=%s;price=%s;notice=%d;minimum=%d"
              .formatted(
                  s.period(),
                  s.price().amount().toPlainString(),
                  s.noticeDays(),
                  s.minimumTermMonths());
      case BusinessModel.Metered m ->
          "metered;unit=%s;tiers=%s".formatted(m.unit(), tiers(m.tiers()));
      case BusinessModel.Freemium f ->
          "freemium;unit=%s;included=%d".formatted(f.unit(), f.includedPerMonth())
              + f.beyond().map(t -> ";tiers=" + tiers(t)).orElse("");
      case BusinessModel.Sponsored s -> "sponsored" + payer(s.sponsor(), s.pricePerMonth());
      case BusinessModel.PublicService p -> "public-service" + payer(p.payer(), p.pricePerMonth());
    };
  }

  static BusinessModel decode(String text) {
    String[] parts = text.split(";");
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int equals = parts[i].indexOf('=');
      fields.put(parts[i].substring(0, equals), parts[i].substring(equals + 1));
    }
    return switch (parts[0]) {
      case "free" -> new BusinessModel.Free();
      case "subscription" ->
          new BusinessModel.Subscription(
              BusinessModel.Period.valueOf(fields.get("period")),
              Money.euros(fields.get("price")),
              Integer.parseInt(fields.get("notice")),
              Integer.parseInt(fields.get("minimum")));
      case "metered" ->
          new BusinessModel.Metered(
              BusinessModel.Unit.valueOf(fields.get("unit")), tiers(fields.get("tiers")));
      case "freemium" ->
          new BusinessModel.Freemium(
              BusinessModel.Unit.valueOf(fields.get("unit")),
              Long.parseLong(fields.get("included")),
              Optional.ofNullable(fields.get("tiers")).map(ModelCodec::tiers));
      case "sponsored" ->
          new BusinessModel.Sponsored(partner(fields), Money.euros(fields.get("price")));
      case "public-service" ->
          new BusinessModel.PublicService(partner(fields), Money.euros(fields.get("price")));
      default -> throw new IllegalStateException("unknown business model: " + text);
    };
  }

  private static String payer(PartnerId partner, Money price) {
    return ";partner=%s;price=%s"
        .formatted(
            URLEncoder.encode(partner.value(), StandardCharsets.UTF_8),
            price.amount().toPlainString());
  }

  private static PartnerId partner(Map<String, String> fields) {
    return new PartnerId(URLDecoder.decode(fields.get("partner"), StandardCharsets.UTF_8));
  }

  private static String tiers(Tiers tiers) {
    return tiers.tiers().stream()
        .map(tier -> tier.from() + ":" + tier.unitPrice().toPlainString())
        .collect(Collectors.joining(","));
  }

  private static Tiers tiers(String text) {
    List<Tier> tiers = new ArrayList<>();
    for (String pair : text.split(",")) {
      int colon = pair.indexOf(':');
      tiers.add(
          new Tier(
              Long.parseLong(pair.substring(0, colon)), new BigDecimal(pair.substring(colon + 1))));
    }
    return new Tiers(tiers);
  }
}
