package org.sundwerk.business.indicators;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A figure the platform measured for a metric, with how anyone can check it.
 *
 * @param evidence a public page that shows the figure (relative to the portal, or absolute)
 * @param query the API request that reproduces it ({@code GET /api/v1/stralsund/services?...})
 */
public record Measurement(BigDecimal value, String evidence, String query) {

  public Measurement {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(query, "query");
  }

  public static Measurement of(long value, String evidence, String query) {
    return new Measurement(BigDecimal.valueOf(value), evidence, query);
  }
}
