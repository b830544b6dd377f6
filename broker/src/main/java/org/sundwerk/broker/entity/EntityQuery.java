package org.sundwerk.broker.entity;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.broker.paging.Paging;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.query.GeoQuery;
import org.sundwerk.ngsild.query.Query;
import org.sundwerk.ngsild.query.Regex;
import org.sundwerk.ngsild.query.ScopeQuery;
import org.sundwerk.ngsild.query.TypeQuery;

/**
 * Which entities a query selects, all names expanded, and which page of them: the one selection of
 * Query Entities (clause 5.7.2), Query Temporal Evolution of Entities (5.7.4) and the periodic
 * notifications of subscriptions. Every given criterion must hold. Parsed once by the adapter;
 * {@code idPattern} is validated when the value is made.
 *
 * @param type type selector
 * @param ids the entity must have one of these ids (empty: any)
 * @param idPattern a regular expression the id must match (find semantics), checked by {@link
 *     Regex}
 * @param q the {@code q} filter (on temporal entities: on their current state)
 * @param scopeQ the scope filter (on temporal entities: on their current state)
 * @param geoQ the geo filter (on temporal entities: on their current state)
 * @param attrs the entity must have at least one of these attributes (temporal entities: a history
 *     of one of them); empty: any
 * @param paging which page
 * @param excludedTypes the entity must have none of these types (expanded): what the app leaves out
 *     for a reader who may not see them; empty: none
 */
public record EntityQuery(
    Optional<TypeQuery> type,
    List<String> ids,
    Optional<String> idPattern,
    Optional<Query> q,
    Optional<ScopeQuery> scopeQ,
    Optional<GeoQuery> geoQ,
    Set<String> attrs,
    Paging paging,
    Set<String> excludedTypes) {

  public EntityQuery {
    ids = List.copyOf(ids);
    idPattern.ifPresent(p -> Regex.compile(p, "idPattern"));
    attrs = Set.copyOf(attrs);
    excludedTypes = Set.copyOf(excludedTypes);
  }

  /** A selection that excludes no type. */
  public EntityQuery(
      Optional<TypeQuery> type,
      List<String> ids,
      Optional<String> idPattern,
      Optional<Query> q,
      Optional<ScopeQuery> scopeQ,
      Optional<GeoQuery> geoQ,
      Set<String> attrs,
      Paging paging) {
    this(type, ids, idPattern, q, scopeQ, geoQ, attrs, paging, Set.of());
  }

  /** Every entity, the first {@code limit} of them. */
  public static EntityQuery all(int limit) {
    return new EntityQuery(
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Set.of(),
        Paging.first(limit));
  }

  /** This selection, another page. */
  public EntityQuery withPaging(Paging other) {
    return new EntityQuery(type, ids, idPattern, q, scopeQ, geoQ, attrs, other, excludedTypes);
  }

  /** This selection, narrowed to entities of {@code types} (any of them) if given. */
  public EntityQuery withType(Optional<TypeQuery> other) {
    return new EntityQuery(other, ids, idPattern, q, scopeQ, geoQ, attrs, paging, excludedTypes);
  }

  /** This selection without entities of any of {@code types}, on top of those it excludes. */
  public EntityQuery excluding(Set<String> types) {
    Set<String> all = new HashSet<>(excludedTypes);
    all.addAll(types);
    return new EntityQuery(type, ids, idPattern, q, scopeQ, geoQ, attrs, paging, all);
  }

  /**
   * Requires at least one criterion: a query must not ask for every entity of a tenant (clause
   * 5.7.2).
   *
   * @throws NgsiLdException BadRequestData without any
   */
  public EntityQuery requireSelective() {
    boolean selective =
        type.isPresent()
            || !ids.isEmpty()
            || idPattern.isPresent()
            || !attrs.isEmpty()
            || onCurrentState();
    if (!selective) {
      throw NgsiLdException.badRequestData(
          "A query needs at least one of type, id, idPattern, attrs, q, geoQ or scopeQ");
    }
    return this;
  }

  /** Whether a criterion needs an entity's current state (for temporal entities). */
  public boolean onCurrentState() {
    return q.isPresent() || scopeQ.isPresent() || geoQ.isPresent();
  }
}
