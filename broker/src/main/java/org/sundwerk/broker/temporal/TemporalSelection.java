package org.sundwerk.broker.temporal;

import java.util.List;
import java.util.Optional;
import org.sundwerk.ngsild.query.GeoQuery;
import org.sundwerk.ngsild.query.Query;
import org.sundwerk.ngsild.query.ScopeQuery;
import org.sundwerk.ngsild.query.TypeQuery;

/**
 * Which temporal entities a query selects (clause 5.7.4), names expanded; every given criterion
 * must hold.
 *
 * @param type type selector
 * @param ids one of these ids (empty: any)
 * @param idPattern a Java regular expression the id must match (find semantics)
 * @param q evaluated on the entity's current state (not on its history)
 * @param scopeQ evaluated on the entity's current state
 * @param geoQ evaluated on the entity's current state
 * @param limit entities per page
 * @param offset entities skipped before the page
 */
public record TemporalSelection(
    Optional<TypeQuery> type,
    List<String> ids,
    Optional<String> idPattern,
    Optional<Query> q,
    Optional<ScopeQuery> scopeQ,
    Optional<GeoQuery> geoQ,
    int limit,
    int offset) {

  public TemporalSelection {
    ids = List.copyOf(ids);
  }

  boolean selective() {
    return type.isPresent() || !ids.isEmpty() || idPattern.isPresent() || onCurrentState();
  }

  /** Whether a criterion needs the current state of the entities. */
  boolean onCurrentState() {
    return q.isPresent() || scopeQ.isPresent() || geoQ.isPresent();
  }
}
