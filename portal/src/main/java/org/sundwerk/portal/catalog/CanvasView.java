package org.sundwerk.portal.catalog;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sundwerk.business.Money;
import org.sundwerk.business.catalog.Canvas;
import org.sundwerk.business.catalog.CanvasBlock;
import org.sundwerk.business.catalog.Figures;
import org.sundwerk.business.catalog.Projection;
import org.sundwerk.business.catalog.Service;

/**
 * A canvas as the workplaces show it: the nine blocks in Osterwalder's order, the figures as the
 * form shows them (plain decimals), and the projection formatted in the reader's locale.
 *
 * @param months the months shown of the cumulated result, with their amounts
 */
record CanvasView(
    String service,
    String name,
    List<String> segments,
    List<Block> blocks,
    String oneOffCosts,
    String monthlyCosts,
    long usersPerMonth,
    String pricePerUser,
    String monthlyResult,
    boolean monthlyLoss,
    Optional<Integer> breakEvenMonth,
    List<Month> months) {

  /** The months whose cumulated result a canvas shows. */
  static final List<Integer> SHOWN = List.of(1, 6, 12, 18, 24, 36);

  record Block(String field, String key, String text) {}

  record Month(int month, String amount, boolean negative) {}

  static CanvasView of(Service service, Canvas canvas, Locale locale) {
    List<Block> blocks = new ArrayList<>();
    for (CanvasBlock block : CanvasBlock.values()) {
      blocks.add(
          new Block(
              field(block),
              "catalog.canvas." + field(block),
              canvas.blocks().getOrDefault(block, "")));
    }
    Figures figures = canvas.figures();
    Projection projection = canvas.projection();
    List<Month> months = new ArrayList<>();
    for (int month : SHOWN) {
      Money sum = projection.cumulated().get(month - 1);
      months.add(new Month(month, format(sum, locale), sum.isNegative()));
    }
    return new CanvasView(
        service.id().value(),
        service.draft().name().in(locale),
        ServiceForm.codes(service.draft().targetGroups()),
        blocks,
        figures.oneOffCosts().amount().toPlainString(),
        figures.monthlyCosts().amount().toPlainString(),
        figures.usersPerMonth(),
        figures.pricePerUser().amount().toPlainString(),
        format(projection.monthlyResult(), locale),
        projection.monthlyResult().isNegative(),
        projection.breakEvenMonth(),
        months);
  }

  /** {@code VALUE_PROPOSITION} as the form field {@code valueProposition}. */
  static String field(CanvasBlock block) {
    StringBuilder name = new StringBuilder();
    for (String part : block.name().toLowerCase(Locale.ROOT).split("_")) {
      name.append(
          name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return name.toString();
  }

  private static String format(Money money, Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(money.currency());
    return format.format(money.amount());
  }
}
