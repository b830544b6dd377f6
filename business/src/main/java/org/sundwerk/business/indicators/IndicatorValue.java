package org.sundwerk.business.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A value of an indicator at a time, and the evidence for it.
 *
 * @param recordedBy who typed it in; empty for a value the platform computed
 * @param query the API request that computed it; empty for a recorded value
 */
public record IndicatorValue(
    String indicator,
    BigDecimal value,
    Instant at,
    String evidence,
    Optional<String> query,
    Optional<String> recordedBy) {

  public IndicatorValue {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(recordedBy, "recordedBy");
  }
}
