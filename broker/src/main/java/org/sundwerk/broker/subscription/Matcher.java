package org.sundwerk.broker.subscription;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.broker.entity.EntityChange;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.ngsild.query.GeoQuery;
import org.sundwerk.ngsild.query.GeoQueryParser;
import org.sundwerk.ngsild.query.Query;
import org.sundwerk.ngsild.query.QueryEvaluator;
import org.sundwerk.ngsild.query.QueryParser;
import org.sundwerk.ngsild.query.Regex;
import org.sundwerk.ngsild.query.ScopeQuery;
import org.sundwerk.ngsild.query.ScopeQueryParser;

/**
 * A subscription with its filters parsed once (ARCHITECTURE principle 3), deciding for one entity
 * change whether and why the subscription notifies. Immutable and thread-safe.
 *
 * @param subscription the subscription
 * @param terms the dictionary of its context, for compacting notifications
 * @param q the parsed q filter
 * @param geoQ the parsed geoQ filter
 * @param scopeQ the parsed scopeQ filter
 * @param idPatterns the compiled idPattern of each selector, by selector index
 */
public record Matcher(
    Subscription subscription,
    TermDictionary terms,
    Optional<Query> q,
    Optional<GeoQuery> geoQ,
    Optional<ScopeQuery> scopeQ,
    List<Optional<Regex>> idPatterns) {

  /** Parses the filters of {@code subscription} with the dictionary of its context. */
  public static Matcher of(Subscription subscription, TermDictionary terms) {
    return new Matcher(
        subscription,
        terms,
        subscription.q().map(q -> QueryParser.parse(q, terms)),
        subscription.geoQ().map(g -> GeoQueryParser.parse(g, terms)),
        subscription.scopeQ().map(ScopeQueryParser::parse),
        subscription.entities().stream()
            .map(s -> s.idPattern().map(p -> Regex.compile(p, "idPattern")))
            .toList());
  }

  /**
   * The trigger for which {@code change} notifies this subscription at {@code now}, or empty.
   * Periodic subscriptions ({@code timeInterval}) never notify on changes.
   */
  public Optional<Trigger> match(EntityChange change, Instant now) {
    Subscription s = subscription;
    if (!s.notifiesAt(now) || s.timeInterval().isPresent()) {
      return Optional.empty();
    }
    Optional<Entity> subject = change.after().or(change::before);
    if (subject.isEmpty() || !selects(subject.get())) {
      return Optional.empty();
    }
    Optional<Trigger> trigger = trigger(change);
    if (trigger.isEmpty() || !filtersHold(subject.get())) {
      return Optional.empty();
    }
    return trigger;
  }

  /** True when the entity passes the selectors and the filters (periodic notifications). */
  public boolean matches(Entity entity) {
    return selects(entity) && filtersHold(entity);
  }

  private boolean selects(Entity entity) {
    List<Subscription.EntitySelector> selectors = subscription.entities();
    if (selectors.isEmpty()) {
      return true;
    }
    for (int i = 0; i < selectors.size(); i++) {
      Subscription.EntitySelector selector = selectors.get(i);
      if (entity.types().contains(selector.type())
          && selector.id().map(entity.id()::equals).orElse(true)
          && idPatterns.get(i).map(p -> p.find(entity.id())).orElse(true)) {
        return true;
      }
    }
    return false;
  }

  private boolean filtersHold(Entity entity) {
    return q.map(query -> QueryEvaluator.matches(query, entity)).orElse(true)
        && geoQ.map(geo -> QueryEvaluator.matches(geo, entity)).orElse(true)
        && scopeQ.map(scope -> QueryEvaluator.matches(scope, entity.scopes())).orElse(true);
  }

  /** The first of the subscription's triggers (in {@link Trigger} order) that the change fires. */
  private Optional<Trigger> trigger(EntityChange change) {
    Map<String, List<Attribute>> before = change.before().map(Entity::attributes).orElse(Map.of());
    Map<String, List<Attribute>> after = change.after().map(Entity::attributes).orElse(Map.of());
    Set<String> watched = new HashSet<>(subscription.watchedAttributes());
    Set<Trigger> fired = EnumSet.noneOf(Trigger.class);
    boolean anyWatched = watched.isEmpty();
    Set<String> names = new HashSet<>(before.keySet());
    names.addAll(after.keySet());
    for (String name : names) {
      if (!watched.isEmpty() && !watched.contains(name)) {
        continue;
      }
      anyWatched = true;
      List<Attribute> old = before.get(name);
      List<Attribute> now = after.get(name);
      if (old == null) {
        fired.add(Trigger.ATTRIBUTE_CREATED);
      } else if (now == null) {
        fired.add(Trigger.ATTRIBUTE_DELETED);
      } else if (!Objects.equals(old, now)) {
        fired.add(Trigger.ATTRIBUTE_UPDATED);
      }
    }
    if (change.created() && anyWatched) {
      fired.add(Trigger.ENTITY_CREATED);
    } else if (change.deleted() && anyWatched) {
      fired.add(Trigger.ENTITY_DELETED);
    } else if (!change.created() && !change.deleted()) {
      boolean attributesChanged = fired.stream().anyMatch(t -> t.ordinal() >= 3);
      boolean entityChanged =
          !change.before().get().types().equals(change.after().get().types())
              || !change.before().get().scopes().equals(change.after().get().scopes());
      if (attributesChanged || (watched.isEmpty() && entityChanged)) {
        fired.add(Trigger.ENTITY_UPDATED);
      }
    }
    return fired.stream().filter(subscription.triggers()::contains).findFirst();
  }
}
