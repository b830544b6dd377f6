package org.sundwerk.broker.subscription;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sundwerk.broker.cluster.Leadership;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.entity.EntityStore;
import org.sundwerk.broker.paging.Paging;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.ngsild.query.TypeQuery;

/**
 * Periodic notifications (clause 5.2.12 {@code timeInterval}): every {@code timeInterval} seconds a
 * subscription is sent the current state of the entities it selects, if there are any. These do not
 * go through the outbox: a missed period is simply superseded by the next one. Among nodes sharing
 * a database only the {@link Leadership leader} sends them. A tick checks which subscriptions are
 * due; each send runs on its own virtual thread, one at a time per subscription. Thread-safe.
 */
public final class PeriodicNotifier implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(PeriodicNotifier.class.getName());

  private final ActiveSubscriptions subscriptions;
  private final EntityStore entities;
  private final SubscriptionStore store;
  private final NotificationRenderer renderer;
  private final NotificationSender sender;
  private final SubscriberViews views;
  private final Clock clock;
  private final Leadership leadership;
  private final int maxEntities;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("sundwerk-periodic-notifier").daemon().unstarted(r));
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Instant> lastRun = new ConcurrentHashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  /**
   * @param maxEntities most entities in one periodic notification
   */
  public PeriodicNotifier(
      ActiveSubscriptions subscriptions,
      EntityStore entities,
      SubscriptionStore store,
      NotificationRenderer renderer,
      NotificationSender sender,
      Clock clock,
      Leadership leadership,
      int maxEntities) {
    this(
        subscriptions,
        entities,
        store,
        renderer,
        sender,
        SubscriberViews.EVERYTHING,
        clock,
        leadership,
        maxEntities);
  }

  /**
   * @param views what each subscription's owner may see now, asked before each send
   * @param maxEntities most entities in one periodic notification
   */
  public PeriodicNotifier(
      ActiveSubscriptions subscriptions,
      EntityStore entities,
      SubscriptionStore store,
      NotificationRenderer renderer,
      NotificationSender sender,
      SubscriberViews views,
      Clock clock,
      Leadership leadership,
      int maxEntities) {
    this.views = views;
    this.subscriptions = subscriptions;
    this.entities = entities;
    this.store = store;
    this.renderer = renderer;
    this.sender = sender;
    this.clock = clock;
    this.leadership = leadership;
    this.maxEntities = maxEntities;
  }

  /** Checks for due subscriptions every {@code tickMillis} milliseconds. */
  public void start(long tickMillis) {
    ticker.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
  }

  /** Starts the notification of every periodic subscription that is due now, on the leader. */
  public void tick() {
    try {
      if (!leadership.isLeader()) {
        return;
      }
      Instant now = clock.instant();
      for (Map.Entry<String, List<Matcher>> tenant : subscriptions.snapshot().entrySet()) {
        for (Matcher matcher : tenant.getValue()) {
          Subscription s = matcher.subscription();
          if (s.timeInterval().isEmpty() || !s.notifiesAt(now)) {
            continue;
          }
          String key = tenant.getKey() + "\n" + s.id();
          Instant last = lastRun.get(key);
          if (last != null && now.isBefore(last.plusSeconds(s.timeInterval().get()))) {
            continue;
          }
          if (running.add(key)) {
            lastRun.put(key, now);
            workers.execute(() -> notify(key, tenant.getKey(), matcher));
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "periodic notification tick failed", e);
    }
  }

  private void notify(String key, String tenant, Matcher matcher) {
    Subscription s = matcher.subscription();
    Instant at = clock.instant();
    try {
      Optional<SubscriberViews.View> view = views.of(tenant, matcher);
      if (view.isEmpty()) {
        store.recordDeliveries(tenant, s.id(), 1, 1, Optional.empty(), Optional.of(at));
        return;
      }
      // Entities the owner may not see are left out after the query, so a notification may carry
      // fewer than maxEntities although more visible ones exist.
      List<Entity> current =
          select(tenant, matcher).stream().flatMap(e -> view.get().apply(e).stream()).toList();
      if (current.isEmpty()) {
        return;
      }
      sender.send(tenant, s.notification().endpoint(), renderer.current(matcher, current, at));
      store.recordDeliveries(tenant, s.id(), 1, 0, Optional.of(at), Optional.empty());
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "periodic notification of {0} failed: {1}", s.id(), e);
      store.recordDeliveries(tenant, s.id(), 1, 1, Optional.empty(), Optional.of(at));
    } finally {
      running.remove(key);
    }
  }

  /** The entities the subscription selects now, one store query per entity selector. */
  private List<Entity> select(String tenant, Matcher matcher) {
    Subscription s = matcher.subscription();
    Map<String, Entity> found = new LinkedHashMap<>();
    List<Subscription.EntitySelector> selectors = s.entities().isEmpty() ? List.of() : s.entities();
    List<EntityQuery> queries = new ArrayList<>();
    if (selectors.isEmpty()) {
      queries.add(query(Optional.empty(), List.of(), Optional.empty(), matcher));
    }
    for (Subscription.EntitySelector selector : selectors) {
      queries.add(
          query(
              Optional.of(new TypeQuery.Name(selector.type())),
              selector.id().map(List::of).orElse(List.of()),
              selector.idPattern(),
              matcher));
    }
    for (EntityQuery query : queries) {
      for (Entity entity : entities.query(tenant, query).items()) {
        if (found.size() < maxEntities) {
          found.putIfAbsent(entity.id(), entity);
        }
      }
    }
    return List.copyOf(found.values());
  }

  private EntityQuery query(
      Optional<TypeQuery> type, List<String> ids, Optional<String> idPattern, Matcher matcher) {
    return new EntityQuery(
        type,
        ids,
        idPattern,
        matcher.q(),
        matcher.scopeQ(),
        matcher.geoQ(),
        Set.of(),
        Paging.first(maxEntities));
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    workers.shutdown();
  }
}
