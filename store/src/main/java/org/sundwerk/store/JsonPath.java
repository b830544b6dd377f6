package org.sundwerk.store;

import java.util.List;

/**
 * A path into a stored entity document: object member names and array indexes, outermost first.
 * Dialects render it in their own syntax.
 *
 * @param steps {@code String} member names and {@code Integer} array indexes
 */
public record JsonPath(List<Object> steps) {
  public JsonPath {
    steps = List.copyOf(steps);
    for (Object step : steps) {
      if (!(step instanceof String) && !(step instanceof Integer)) {
        throw new IllegalArgumentException("path step " + step);
      }
    }
  }

  public static JsonPath of(Object... steps) {
    return new JsonPath(List.of(steps));
  }

  public JsonPath then(Object... more) {
    Object[] all = new Object[steps.size() + more.length];
    for (int i = 0; i < steps.size(); i++) {
      all[i] = steps.get(i);
    }
    System.arraycopy(more, 0, all, steps.size(), more.length);
    return new JsonPath(List.of(all));
  }
}
