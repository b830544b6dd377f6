package org.sundwerk.broker.temporal;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which instances of the selected entities a temporal query returns.
 *
 * @param attrs only these attributes (expanded names); empty for all
 * @param property the time that {@code timerel}, ordering and {@code lastN} use
 * @param timerel the time restriction; empty for the whole history
 * @param lastN only the last N instances per attribute (by {@code property}); empty for all
 */
public record TimeFilter(
    Set<String> attrs, TimeProperty property, Optional<Timerel> timerel, OptionalInt lastN) {

  public TimeFilter {
    attrs = Set.copyOf(attrs);
  }
}
