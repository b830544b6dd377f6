package org.sundwerk.ngsild.query;

import java.time.Instant;
import java.util.List;

/** A literal on the right-hand side of a {@code q} comparison. */
public sealed interface Value {

  record Number(double value) implements Value {}

  /** A quoted string, or an unquoted URI; also the regular expression of {@code ~=}. */
  record Text(String value) implements Value {}

  record Bool(boolean value) implements Value {}

  /** An ISO 8601 date-time literal, compared as time, normalised to UTC. */
  record DateTime(Instant value) implements Value {}

  /** {@code min..max}, inclusive at both ends. */
  record Range(Value min, Value max) implements Value {}

  /** {@code a,b,c}: equal to any of them. */
  record Choice(List<Value> values) implements Value {
    public Choice {
      values = List.copyOf(values);
    }
  }
}
