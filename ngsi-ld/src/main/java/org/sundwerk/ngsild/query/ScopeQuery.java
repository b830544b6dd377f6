package org.sundwerk.ngsild.query;

import java.util.List;

/**
 * The scope selector {@code scopeQ} (clause 4.19): paths such as {@code /Stralsund/Altstadt},
 * {@code /Stralsund/#} (the scope and everything below), {@code /Stralsund/+/Parking} (one level of
 * anything), combined with {@code ;} (and), {@code ,} or {@code |} (or) and parentheses.
 */
public sealed interface ScopeQuery {

  /**
   * One scope pattern, kept as its segments: {@code "#"} matches any tail (including none), {@code
   * "+"} matches exactly one segment, anything else matches itself. {@code /#} alone matches every
   * entity that has a scope.
   */
  record Pattern(List<String> segments) implements ScopeQuery {
    public Pattern {
      segments = List.copyOf(segments);
    }
  }

  record AnyOf(List<ScopeQuery> terms) implements ScopeQuery {
    public AnyOf {
      terms = List.copyOf(terms);
    }
  }

  record AllOf(List<ScopeQuery> terms) implements ScopeQuery {
    public AllOf {
      terms = List.copyOf(terms);
    }
  }
}
