package org.sundwerk.app.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.sundwerk.access.AttributeView;
import org.sundwerk.broker.entity.AttributeSummary;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.entity.TypeSummary;
import org.sundwerk.broker.temporal.AggregatedEntity;
import org.sundwerk.broker.temporal.TemporalEntity;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.ngsild.query.GeoQuery;
import org.sundwerk.ngsild.query.Query;
import org.sundwerk.ngsild.query.TypeQuery;

/**
 * Applies an {@link AttributeView} to what leaves the platform: entities (retrieve, query, batch
 * query, notifications), temporal entities, discovery summaries, and the selection of a query, so
 * that paging and counts hold for what the reader may see. An entity is visible when the reader may
 * see every one of its types; an attribute when it may see it in every type of the entity. When the
 * view hides nothing (operators; every reader of an open tenant) each method returns its input as
 * is, at the cost of one look at the tenant's declared types. Immutable, thread-safe.
 */
public final class Visible {

  private final AttributeView view;
  private final boolean everything;

  private Visible(AttributeView view) {
    this.view = view;
    this.everything = view.hidesNothing();
  }

  public static Visible through(AttributeView view) {
    return new Visible(view);
  }

  /** Whether nothing is hidden: callers may skip their own filtering work. */
  public boolean everything() {
    return everything;
  }

  /** Whether the reader may see entities with all of {@code types}. */
  public boolean mayRead(List<String> types) {
    return everything || types.stream().allMatch(view::mayRead);
  }

  private boolean mayRead(List<String> types, String attribute) {
    return types.stream().allMatch(type -> view.mayRead(type, attribute));
  }

  /** The entity without hidden attributes; empty if the reader may not see it at all. */
  public Optional<Entity> entity(Entity entity) {
    if (everything) {
      return Optional.of(entity);
    }
    if (!mayRead(entity.types())) {
      return Optional.empty();
    }
    return Optional.of(entity.withAttributes(kept(entity.types(), entity.attributes())));
  }

  /** The entities the reader may see, each without hidden attributes. */
  public List<Entity> entities(List<Entity> entities) {
    if (everything) {
      return entities;
    }
    List<Entity> visible = new ArrayList<>(entities.size());
    entities.forEach(entity -> entity(entity).ifPresent(visible::add));
    return visible;
  }

  /** A temporal entity without the history of hidden attributes; empty if it is hidden. */
  public Optional<TemporalEntity> temporal(TemporalEntity entity) {
    if (everything) {
      return Optional.of(entity);
    }
    return mayRead(entity.types())
        ? Optional.of(
            new TemporalEntity(
                entity.id(), entity.types(), kept(entity.types(), entity.attributes())))
        : Optional.empty();
  }

  /** An aggregated temporal entity without hidden attributes; empty if it is hidden. */
  public Optional<AggregatedEntity> aggregated(AggregatedEntity entity) {
    if (everything) {
      return Optional.of(entity);
    }
    return mayRead(entity.types())
        ? Optional.of(
            new AggregatedEntity(
                entity.id(), entity.types(), kept(entity.types(), entity.attributes())))
        : Optional.empty();
  }

  private <T> Map<String, T> kept(List<String> types, Map<String, T> attributes) {
    Map<String, T> kept = new LinkedHashMap<>();
    attributes.forEach(
        (name, value) -> {
          if (mayRead(types, name)) {
            kept.put(name, value);
          }
        });
    return kept;
  }

  /** A type of {@code GET /types}: empty if hidden, else without hidden attributes. */
  public Optional<TypeSummary> type(TypeSummary summary) {
    if (everything) {
      return Optional.of(summary);
    }
    List<String> types = List.of(summary.type());
    return mayRead(types)
        ? Optional.of(
            new TypeSummary(
                summary.type(), summary.entityCount(), kept(types, summary.attributeKinds())))
        : Optional.empty();
  }

  /**
   * An attribute of {@code GET /attributes} with only the types in which the reader sees it; empty
   * if it sees it in none. Its {@code entityCount} counts entities of every type: the caller must
   * not show it when types were left out ({@link #sameTypes}).
   */
  public Optional<AttributeSummary> attribute(AttributeSummary summary) {
    if (everything) {
      return Optional.of(summary);
    }
    Set<String> types = new HashSet<>();
    summary.types().stream().filter(type -> view.mayRead(type, summary.name())).forEach(types::add);
    return types.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new AttributeSummary(summary.name(), summary.entityCount(), summary.kinds(), types));
  }

  /** Whether {@link #attribute} left every type of {@code original} in {@code shown}. */
  public static boolean sameTypes(AttributeSummary original, AttributeSummary shown) {
    return original.types().size() == shown.types().size();
  }

  /**
   * {@code query} narrowed to what the reader may see, inside the selection so that paging and
   * counts hold: to the only types it may see, or without the declared types it may not see, and
   * without the types in which it may not see an attribute the {@code q} or {@code geoQ} filter
   * reads (else the answers would tell the hidden values). Empty when it may see no type at all.
   * Entities with several types, one of them hidden but not declared, are left out by {@link
   * #entities} afterwards only (the count may then include them).
   */
  public Optional<EntityQuery> narrow(EntityQuery query) {
    if (everything) {
      return Optional.of(query);
    }
    EntityQuery narrowed = query;
    switch (view.typeFilter()) {
      case AttributeView.TypeFilter.Only only -> {
        if (only.types().isEmpty()) {
          return Optional.empty();
        }
        TypeQuery allowed =
            new TypeQuery.AnyOf(
                only.types().stream()
                    .sorted()
                    .map(t -> (TypeQuery) new TypeQuery.Name(t))
                    .toList());
        narrowed =
            narrowed.withType(
                Optional.of(
                    query
                        .type()
                        .map(t -> (TypeQuery) new TypeQuery.AllOf(List.of(t, allowed)))
                        .orElse(allowed)));
      }
      case AttributeView.TypeFilter.AllBut allBut -> narrowed = narrowed.excluding(allBut.hidden());
    }
    Set<String> filtered = read(query.q(), query.geoQ());
    return Optional.of(
        filtered.isEmpty() ? narrowed : narrowed.excluding(view.typesHiding(filtered)));
  }

  /** The attributes a {@code q} and a {@code geoQ} filter read. */
  static Set<String> read(Optional<Query> q, Optional<GeoQuery> geoQ) {
    Set<String> read = new HashSet<>();
    q.ifPresent(query -> attributes(query, read::add));
    geoQ.ifPresent(geo -> read.add(geo.geoproperty()));
    return read;
  }

  /**
   * As {@link #entity}, and empty also for an entity of a type in which the reader may not see one
   * of {@code read}: the attributes a subscription watches or filters on, whose notifications would
   * otherwise tell when or how a hidden value changed.
   */
  Optional<Entity> entity(Entity entity, Set<String> read) {
    if (everything) {
      return Optional.of(entity);
    }
    if (!read.isEmpty()) {
      Set<String> hiding = view.typesHiding(read);
      if (entity.types().stream().anyMatch(hiding::contains)) {
        return Optional.empty();
      }
    }
    return entity(entity);
  }

  /** The type names a type selector mentions: a read must be cleared for each. */
  public static Set<String> named(Optional<TypeQuery> type) {
    Set<String> names = new HashSet<>();
    type.ifPresent(t -> named(t, names));
    return names;
  }

  private static void named(TypeQuery type, Set<String> names) {
    switch (type) {
      case TypeQuery.Name name -> names.add(name.iri());
      case TypeQuery.AnyOf any -> any.terms().forEach(t -> named(t, names));
      case TypeQuery.AllOf all -> all.terms().forEach(t -> named(t, names));
    }
  }

  private static void attributes(Query query, Consumer<String> names) {
    switch (query) {
      case Query.And and -> and.terms().forEach(t -> attributes(t, names));
      case Query.Or or -> or.terms().forEach(t -> attributes(t, names));
      case Query.Comparison comparison -> names.accept(comparison.path().attribute());
      case Query.Exists exists -> names.accept(exists.path().attribute());
      case Query.NotExists notExists -> names.accept(notExists.path().attribute());
    }
  }
}
