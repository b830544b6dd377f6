package org.sundwerk.business.indicators;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Text;

/**
 * One indicator of a tenant's catalogue.
 *
 * @param key a stable slug ({@code mobility-live-services})
 * @param definition what is counted or measured, and how
 * @param source where values come from (an office, a statistic, "Sundwerk")
 * @param metric the platform figure that computes it ({@code services.live.MOBILITY}); empty for an
 *     indicator operators record by hand, with evidence
 * @param worst the value that scores 0
 * @param best the value that scores 100 ({@link #scale} clamps beyond both)
 */
public record Indicator(
    String key,
    Area area,
    Optional<BitkomArea> bitkom,
    Text name,
    Text definition,
    String unit,
    Direction direction,
    String source,
    Optional<String> metric,
    BigDecimal worst,
    BigDecimal best) {

  public Indicator {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(bitkom, "bitkom");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(worst, "worst");
    Objects.requireNonNull(best, "best");
    if (!key.matches("[a-z0-9]+(-[a-z0-9]+)*") || key.length() > 64) {
      throw BusinessProblem.invalid("an indicator key is 1-64 lower-case letters, digits, hyphens");
    }
    if (name.de().isBlank() || name.de().length() > 200 || definition.de().length() > 2000) {
      throw BusinessProblem.invalid("an indicator needs a German name (at most 200 characters)");
    }
    if (unit.length() > 40 || source.length() > 300) {
      throw BusinessProblem.invalid("unit at most 40, source at most 300 characters");
    }
    if (worst.compareTo(best) == 0) {
      throw BusinessProblem.invalid("an indicator's worst and best values differ");
    }
    if ((direction == Direction.HIGHER_IS_BETTER) != (best.compareTo(worst) > 0)) {
      throw BusinessProblem.invalid("best lies beyond worst in the indicator's direction");
    }
  }

  /** Whether the platform computes this indicator (operators never type its values). */
  public boolean computed() {
    return metric.isPresent();
  }

  /** {@code value} on a 0-100 scale between {@link #worst} (0) and {@link #best} (100). */
  public double scale(BigDecimal value) {
    double span = best.doubleValue() - worst.doubleValue();
    double share = (value.doubleValue() - worst.doubleValue()) / span;
    return Math.round(Math.clamp(share, 0, 1) * 1000) / 10.0;
  }
}
