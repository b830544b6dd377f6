package org.sundwerk.business.metering;

import java.util.Objects;
import org.sundwerk.business.offer.BusinessModel.Unit;
import org.sundwerk.business.offer.OrderId;

/** The sum of the usage of one order in one unit over a period. */
public record UsageTotal(OrderId order, Unit unit, long quantity) {

  public UsageTotal {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(unit, "unit");
  }
}
