package org.sundwerk.broker.entity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.ngsild.query.GeoQuery;
import org.sundwerk.ngsild.query.Query;
import org.sundwerk.ngsild.query.ScopeQuery;
import org.sundwerk.ngsild.query.TypeQuery;

/**
 * Which entities a query selects, all names expanded. Every given criterion must hold.
 *
 * @param type type selector
 * @param ids the entity must have one of these ids (empty: any)
 * @param idPattern a Java regular expression the id must match (find semantics)
 * @param q the {@code q} filter
 * @param scopeQ the scope filter
 * @param geoQ the geo filter
 * @param attrs the entity must have at least one of these attributes (empty: any)
 * @param limit page size, 0 for none (only count)
 * @param offset entities skipped before the page
 * @param count whether to compute the total number of matches
 */
public record EntityQuery(
    Optional<TypeQuery> type,
    List<String> ids,
    Optional<String> idPattern,
    Optional<Query> q,
    Optional<ScopeQuery> scopeQ,
    Optional<GeoQuery> geoQ,
    Set<String> attrs,
    int limit,
    int offset,
    boolean count) {

  public EntityQuery {
    ids = List.copyOf(ids);
    attrs = Set.copyOf(attrs);
  }

  public static EntityQuery all(int limit) {
    return new EntityQuery(
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Set.of(),
        limit,
        0,
        false);
  }
}
