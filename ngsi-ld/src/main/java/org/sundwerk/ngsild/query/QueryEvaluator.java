package org.sundwerk.ngsild.query;

import java.util.List;
import org.sundwerk.ngsild.model.Entity;

/**
 * Evaluates query ASTs against one entity in memory: for subscriptions, for predicates SQL cannot
 * express, and as the reference in tests. Stateless and thread-safe.
 */
public final class QueryEvaluator {

  private QueryEvaluator() {}

  public static boolean matches(Query query, Entity entity) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public static boolean matches(TypeQuery query, List<String> types) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public static boolean matches(ScopeQuery query, List<String> scopes) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** The exact geo predicate (after any bounding-box prefilter of a store). */
  public static boolean matches(GeoQuery query, Entity entity) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
