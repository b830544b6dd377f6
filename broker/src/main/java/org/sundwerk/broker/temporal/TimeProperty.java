package org.sundwerk.broker.temporal;

import org.sundwerk.ngsild.error.NgsiLdException;

/** Which time of an attribute instance {@code timerel} and ordering use (clause 6.3.12). */
public enum TimeProperty {
  OBSERVED_AT("observedAt"),
  MODIFIED_AT("modifiedAt"),
  CREATED_AT("createdAt");

  private final String parameter;

  TimeProperty(String parameter) {
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  /** The {@code timeproperty} parameter; observedAt when absent. */
  public static TimeProperty of(String parameter) {
    for (TimeProperty property : values()) {
      if (property.parameter.equals(parameter)) {
        return property;
      }
    }
    throw NgsiLdException.badRequestData(
        "timeproperty must be observedAt, modifiedAt or createdAt, not " + parameter);
  }
}
