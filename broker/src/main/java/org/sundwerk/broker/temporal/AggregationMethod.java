package org.sundwerk.broker.temporal;

import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * The aggregation functions of clause 4.5.19. Counts apply to every value; the others to numeric
 * values only (other values are skipped).
 */
public enum AggregationMethod {
  TOTAL_COUNT("totalCount"),
  DISTINCT_COUNT("distinctCount"),
  SUM("sum"),
  AVG("avg"),
  MIN("min"),
  MAX("max"),
  STDDEV("stddev"),
  SUMSQ("sumsq");

  private final String parameter;

  AggregationMethod(String parameter) {
    this.parameter = parameter;
  }

  /** The name in {@code aggrMethods} and in the aggregated representation. */
  public String parameter() {
    return parameter;
  }

  public boolean isCount() {
    return this == TOTAL_COUNT || this == DISTINCT_COUNT;
  }

  public static AggregationMethod of(String parameter) {
    for (AggregationMethod method : values()) {
      if (method.parameter.equals(parameter)) {
        return method;
      }
    }
    throw NgsiLdException.badRequestData("Unknown aggregation method '" + parameter + "'");
  }
}
