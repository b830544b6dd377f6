package org.sundwerk.broker.subscription;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.sundwerk.broker.entity.EntityChange;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import tools.jackson.databind.JsonNode;

/**
 * The in-memory cache of every tenant's subscriptions as {@link Matcher}s, loaded from the {@link
 * SubscriptionStore} at start and reloaded per tenant after each subscription write, on this node
 * or (told by a signal) on another node sharing the database. Matching reads an immutable snapshot
 * without locks, so the store's writer thread never waits here.
 *
 * <p>A subscription whose context cannot be resolved is left out (and logged) until it is written
 * again. Thread-safe.
 */
public final class ActiveSubscriptions implements ChangeNotifications {

  private static final System.Logger LOG = System.getLogger(ActiveSubscriptions.class.getName());

  private final SubscriptionStore store;
  private final Function<Optional<JsonNode>, TermDictionary> dictionaries;
  private final Clock clock;

  // Per tenant: an immutable id -> matcher map, replaced as a whole on reload.
  private final ConcurrentHashMap<String, Map<String, Matcher>> byTenant =
      new ConcurrentHashMap<>();

  /**
   * @param dictionaries resolves a subscription's context (empty: the core context)
   */
  public ActiveSubscriptions(
      SubscriptionStore store,
      Function<Optional<JsonNode>, TermDictionary> dictionaries,
      Clock clock) {
    this.store = store;
    this.dictionaries = dictionaries;
    this.clock = clock;
    store.all().forEach((tenant, subscriptions) -> byTenant.put(tenant, compile(subscriptions)));
  }

  /** Re-reads the tenant's subscriptions; call after every create, update or delete. */
  public void reload(String tenant) {
    List<Subscription> subscriptions = new ArrayList<>();
    int page = 1_000;
    for (int offset = 0; ; offset += page) {
      List<Subscription> batch = store.list(tenant, page, offset);
      subscriptions.addAll(batch);
      if (batch.size() < page) {
        break;
      }
    }
    byTenant.put(tenant, compile(subscriptions));
  }

  /**
   * Re-reads every tenant's subscriptions; for a node that may have missed other nodes' signals.
   * Tenants that no longer have any are emptied.
   */
  public void reloadAll() {
    Map<String, List<Subscription>> all = store.all();
    all.forEach((tenant, subscriptions) -> byTenant.put(tenant, compile(subscriptions)));
    byTenant.keySet().stream()
        .filter(tenant -> !all.containsKey(tenant))
        .toList()
        .forEach(tenant -> byTenant.put(tenant, Map.of()));
  }

  /** Every subscription the change notifies, from the cached snapshot: no I/O. */
  @Override
  public List<Caused> of(EntityChange change) {
    Map<String, Matcher> matchers = byTenant.getOrDefault(change.tenant(), Map.of());
    if (matchers.isEmpty()) {
      return List.of();
    }
    var now = clock.instant();
    List<Caused> caused = new ArrayList<>();
    for (Matcher matcher : matchers.values()) {
      matcher
          .match(change, now)
          .ifPresent(
              trigger ->
                  caused.add(
                      new Caused(
                          matcher.subscription().id(),
                          trigger,
                          change.deleted()
                              || matcher.subscription().notification().showChanges())));
    }
    return caused;
  }

  public Optional<Matcher> find(String tenant, String id) {
    return Optional.ofNullable(byTenant.getOrDefault(tenant, Map.of()).get(id));
  }

  /** Every cached subscription of every tenant, by tenant (periodic notifications). */
  public Map<String, List<Matcher>> snapshot() {
    Map<String, List<Matcher>> copy = new LinkedHashMap<>();
    byTenant.forEach((tenant, matchers) -> copy.put(tenant, List.copyOf(matchers.values())));
    return copy;
  }

  private Map<String, Matcher> compile(List<Subscription> subscriptions) {
    Map<String, Matcher> matchers = new LinkedHashMap<>();
    for (Subscription subscription : subscriptions) {
      try {
        matchers.put(
            subscription.id(),
            Matcher.of(subscription, dictionaries.apply(subscription.context())));
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "subscription " + subscription.id() + " cannot be compiled",
            e);
      }
    }
    return Map.copyOf(matchers);
  }
}
