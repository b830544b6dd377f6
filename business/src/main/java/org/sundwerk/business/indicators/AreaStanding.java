package org.sundwerk.business.indicators;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Where a tenant stands in one area: the mean of its indicators' scaled latest values (0-100), the
 * same a year earlier, and how many of the area's indicators have a value at all (an area without
 * values has no score: what is not measured is not counted, as in the rankings).
 */
public record AreaStanding(
    Area area, OptionalDouble score, OptionalDouble yearBefore, int measured, int indicators) {

  public AreaStanding {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(yearBefore, "yearBefore");
  }
}
