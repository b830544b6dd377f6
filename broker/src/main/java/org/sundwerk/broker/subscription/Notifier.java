package org.sundwerk.broker.subscription;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.sundwerk.ngsild.model.Entity;

/**
 * Drains the {@link Outbox}. A loop thread reads fresh messages past an id cursor (a read that
 * never waits for the entity writer) and appends them to the lane of their subscription; a lane is
 * drained by one virtual thread at a time, which renders and sends its messages in order, in
 * bundles of up to {@link NotifierSettings#maxPerNotification()} changes per Notification. A
 * settler thread applies the outcomes every {@link NotifierSettings#settleInterval()} in one
 * transaction: delivered messages are deleted, failed ones become retries with exponential backoff,
 * messages of a throttled subscription are postponed, the subscriptions' delivery counters are
 * updated, and due retries are claimed into their lanes.
 *
 * <p>At-least-once: a message is deleted only after its endpoint acknowledged it, so a crash
 * between sending and settling sends it again after the restart (the cursor starts from zero) or,
 * on a database several nodes share, by any node once the claim's lease has passed. While nodes are
 * healthy and settle within {@link NotifierSettings#claimLease()}, each message is sent once. One
 * lane per subscription keeps its changes in order and throttling exact; at most {@link
 * NotifierSettings#concurrency()} sends run at once, and a failed send turns the rest of its lane
 * into retries at once, so a slow or dead endpoint delays only its own subscription. At most five
 * claim batches are held in memory. One notifier per node. Lanes of deleted subscriptions stay
 * (empty) until the process ends. Thread-safe; start once, close once.
 */
public final class Notifier implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Notifier.class.getName());

  private final Outbox outbox;
  private final ActiveSubscriptions subscriptions;
  private final NotificationRenderer renderer;
  private final NotificationSender sender;
  private final SubscriberViews views;
  private final Clock clock;
  private final NotifierSettings settings;

  private final Semaphore slots;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final Thread loop;
  private final Thread settler;
  private volatile boolean running;

  /** Lanes by tenant + subscription id. */
  private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

  /** Claimed messages without an outcome yet: bounds what is held in memory. */
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * Claimed messages without an outcome yet, with when their claim was taken or last renewed: the
   * settler renews the claims older than half the lease, so that a slow endpoint does not let them
   * expire (and another node send them again) while they wait here.
   */
  private final ConcurrentHashMap<Long, Instant> held = new ConcurrentHashMap<>();

  /** Outcomes of sends, applied by the loop thread. */
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

  /** Outcomes collected but not yet applied (the last attempt failed); confined to the settler. */
  private Outbox.Settlement unsettled = Outbox.Settlement.NONE;

  /** When each subscription was last notified, for throttling. */
  private final ConcurrentHashMap<String, Instant> lastSent = new ConcurrentHashMap<>();

  /** What happened to some messages of one subscription. */
  private sealed interface Outcome {
    List<Long> ids();

    record Delivered(String tenant, String subscription, List<Long> ids, Instant at)
        implements Outcome {}

    record Failed(
        String tenant, String subscription, List<Long> ids, int attempts, Instant at, String error)
        implements Outcome {}

    record Postponed(List<Long> ids, Instant until) implements Outcome {}

    record Dropped(List<Long> ids) implements Outcome {}

    /** The owner may not be notified any more: the messages go, a failure is recorded. */
    record Refused(String tenant, String subscription, List<Long> ids, Instant at)
        implements Outcome {}
  }

  public Notifier(
      Outbox outbox,
      ActiveSubscriptions subscriptions,
      NotificationRenderer renderer,
      NotificationSender sender,
      Clock clock,
      NotifierSettings settings) {
    this(outbox, subscriptions, renderer, sender, SubscriberViews.EVERYTHING, clock, settings);
  }

  /**
   * @param views what each subscription's owner may see now, asked before each send
   */
  public Notifier(
      Outbox outbox,
      ActiveSubscriptions subscriptions,
      NotificationRenderer renderer,
      NotificationSender sender,
      SubscriberViews views,
      Clock clock,
      NotifierSettings settings) {
    this.outbox = outbox;
    this.subscriptions = subscriptions;
    this.renderer = renderer;
    this.sender = sender;
    this.views = views;
    this.clock = clock;
    this.settings = settings;
    this.slots = new Semaphore(settings.concurrency());
    this.loop = Thread.ofPlatform().name("sundwerk-notifier").daemon().unstarted(this::run);
    this.settler =
        Thread.ofPlatform().name("sundwerk-notifier-settler").daemon().unstarted(this::settle);
  }

  /** Makes retries due and reads the outbox from its start, then starts draining. */
  public void start() {
    outbox.releaseClaims(clock.instant());
    running = true;
    loop.start();
    settler.start();
  }

  /**
   * The hot path: reads fresh messages past the cursor without any database lock, or on a database
   * several nodes share claims them in one statement.
   */
  private void run() {
    long cursor = 0;
    while (running) {
      try {
        int room = Math.max(0, settings.claimBatch() * 5 - inFlight.get());
        Instant now = clock.instant();
        List<OutboxMessage> fresh =
            outbox.fresh(
                cursor, Math.min(room, settings.claimBatch()), now.plus(settings.claimLease()));
        if (!fresh.isEmpty()) {
          cursor = fresh.getLast().id();
          dispatch(fresh, now);
        }
        if (fresh.size() < settings.claimBatch()) {
          // Not a full batch: the backlog is drained, so pause instead of spinning on the database.
          LockSupport.parkNanos(settings.pollInterval().toNanos());
        }
      } catch (RuntimeException e) {
        // A database hiccup must not end the loop: the messages stay and are read again.
        LOG.log(System.Logger.Level.ERROR, "notifier poll failed", e);
        LockSupport.parkNanos(settings.retryInitial().toNanos());
      }
    }
  }

  /**
   * Every {@link NotifierSettings#settleInterval()}: applies the outcomes (one write transaction,
   * which may wait for the entity writer) and claims the retries that are due.
   */
  private void settle() {
    while (running) {
      try {
        LockSupport.parkNanos(settings.settleInterval().toNanos());
        unsettled = merge(unsettled, settlement());
        int room = Math.max(0, settings.claimBatch() * 5 - inFlight.get());
        Instant now = clock.instant();
        List<OutboxMessage> retries =
            outbox.settleAndClaimRetries(
                unsettled,
                Math.min(room, settings.claimBatch()),
                now,
                now.plus(settings.claimLease()));
        unsettled = Outbox.Settlement.NONE;
        dispatch(retries, now);
        renewClaims(now);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "settling notifications failed", e);
      }
    }
  }

  /** Renews the claims on messages held for more than half the lease. */
  private void renewClaims(Instant now) {
    Instant stale = now.minus(settings.claimLease().dividedBy(2));
    List<Long> ids =
        held.entrySet().stream()
            .filter(entry -> entry.getValue().isBefore(stale))
            .map(Map.Entry::getKey)
            .toList();
    if (!ids.isEmpty()) {
      outbox.renewClaims(ids, now.plus(settings.claimLease()));
      // Only those still held: an outcome may have arrived meanwhile.
      ids.forEach(id -> held.replace(id, now));
    }
  }

  private void dispatch(List<OutboxMessage> claimed, Instant claimedAt) {
    if (claimed.isEmpty()) {
      return;
    }
    inFlight.addAndGet(claimed.size());
    claimed.forEach(message -> held.put(message.id(), claimedAt));
    Map<String, List<OutboxMessage>> groups = new LinkedHashMap<>();
    for (OutboxMessage message : claimed) {
      groups
          .computeIfAbsent(key(message.tenant(), message.subscriptionId()), k -> new ArrayList<>())
          .add(message);
    }
    groups.forEach((key, messages) -> lanes.computeIfAbsent(key, Lane::new).offer(messages));
  }

  /** The messages of one subscription, sent in order by at most one virtual thread at a time. */
  private final class Lane {
    private final String key;
    private final ConcurrentLinkedQueue<OutboxMessage> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    Lane(String key) {
      this.key = key;
    }

    void offer(List<OutboxMessage> messages) {
      queue.addAll(messages);
      if (draining.compareAndSet(false, true)) {
        workers.execute(this::drain);
      }
    }

    private void drain() {
      while (true) {
        List<OutboxMessage> bundle = take(settings.maxPerNotification());
        if (!bundle.isEmpty()) {
          deliver(bundle);
          continue;
        }
        draining.set(false);
        // A message offered between the empty take and the reset would otherwise wait forever.
        if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
          return;
        }
      }
    }

    private List<OutboxMessage> take(int max) {
      List<OutboxMessage> taken = new ArrayList<>();
      OutboxMessage message;
      while (taken.size() < max && (message = queue.poll()) != null) {
        taken.add(message);
      }
      return taken;
    }

    private List<Long> takeAllIds(List<OutboxMessage> with) {
      List<OutboxMessage> all = new ArrayList<>(with);
      all.addAll(take(Integer.MAX_VALUE));
      return all.stream().map(OutboxMessage::id).toList();
    }

    private void deliver(List<OutboxMessage> bundle) {
      OutboxMessage first = bundle.getFirst();
      Optional<Matcher> found = subscriptions.find(first.tenant(), first.subscriptionId());
      if (found.isEmpty()) {
        settled(new Outcome.Dropped(takeAllIds(bundle)));
        return;
      }
      Subscription s = found.get().subscription();
      // From the last delivered notification, as lastSent is kept within a process: a failed
      // attempt (lastNotification) would otherwise hold its own retry back by the whole throttling
      // period after a restart.
      Instant last =
          lastSent.computeIfAbsent(key, k -> s.status().lastSuccess().orElse(Instant.EPOCH));
      if (s.throttling().isPresent()) {
        Instant allowed = last.plusSeconds(s.throttling().get());
        if (clock.instant().isBefore(allowed)) {
          settled(new Outcome.Postponed(takeAllIds(bundle), allowed));
          return;
        }
      }
      Instant at = clock.instant();
      List<OutboxMessage> visible;
      try {
        Optional<SubscriberViews.View> view = views.of(first.tenant(), found.get());
        if (view.isEmpty()) {
          settled(new Outcome.Refused(first.tenant(), s.id(), takeAllIds(bundle), at));
          return;
        }
        visible = visible(bundle, view.get());
      } catch (RuntimeException e) {
        // The owner's rights could not be read (database hiccup): retry, never send unchecked.
        int attempts = bundle.stream().mapToInt(OutboxMessage::attempts).max().orElse(0) + 1;
        settled(
            new Outcome.Failed(
                first.tenant(),
                s.id(),
                takeAllIds(bundle),
                attempts,
                at,
                String.valueOf(e.getMessage())));
        return;
      }
      if (visible.isEmpty()) {
        settled(new Outcome.Dropped(bundle.stream().map(OutboxMessage::id).toList()));
        return;
      }
      try {
        slots.acquire();
        try {
          sender.send(
              first.tenant(),
              s.notification().endpoint(),
              renderer.changes(found.get(), visible, at));
        } finally {
          slots.release();
        }
        lastSent.put(key, at);
        settled(
            new Outcome.Delivered(
                first.tenant(), s.id(), bundle.stream().map(OutboxMessage::id).toList(), at));
      } catch (IOException | RuntimeException | InterruptedException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        // The endpoint is failing: the rest of the lane waits for the retry instead of piling on.
        int attempts = bundle.stream().mapToInt(OutboxMessage::attempts).max().orElse(0) + 1;
        settled(
            new Outcome.Failed(
                first.tenant(),
                s.id(),
                takeAllIds(bundle),
                attempts,
                at,
                String.valueOf(e.getMessage())));
      }
    }
  }

  /**
   * The messages cut down to what the owner may see; a message about an entity it may not see goes.
   */
  private static List<OutboxMessage> visible(
      List<OutboxMessage> bundle, SubscriberViews.View view) {
    if (view == SubscriberViews.View.EVERYTHING) {
      return bundle;
    }
    List<OutboxMessage> visible = new ArrayList<>();
    for (OutboxMessage m : bundle) {
      Optional<Entity> before = m.before().flatMap(view::apply);
      Optional<Entity> after = m.after().flatMap(view::apply);
      boolean shown = m.after().isPresent() ? after.isPresent() : before.isPresent();
      if (shown) {
        visible.add(
            new OutboxMessage(
                m.id(),
                m.tenant(),
                m.subscriptionId(),
                m.trigger(),
                before,
                after,
                m.changedAt(),
                m.attempts()));
      }
    }
    return visible;
  }

  private void settled(Outcome outcome) {
    outcome.ids().forEach(held::remove);
    outcomes.add(outcome);
    inFlight.addAndGet(-outcome.ids().size());
  }

  /** Collects the finished outcomes for the outbox to apply with the next claim. */
  private Outbox.Settlement settlement() {
    if (outcomes.isEmpty()) {
      return Outbox.Settlement.NONE;
    }
    List<Long> delivered = new ArrayList<>();
    List<Outbox.Retry> retries = new ArrayList<>();
    List<Outbox.Postponed> postponed = new ArrayList<>();
    Map<String, Status> statuses = new HashMap<>();
    Outcome outcome;
    while ((outcome = outcomes.poll()) != null) {
      switch (outcome) {
        case Outcome.Delivered d -> {
          delivered.addAll(d.ids());
          status(statuses, d.tenant(), d.subscription()).success(d.at());
        }
        case Outcome.Failed f -> {
          retries.add(
              new Outbox.Retry(f.ids(), f.at().plus(settings.backoff(f.attempts())), f.error()));
          status(statuses, f.tenant(), f.subscription()).failure(f.at());
          LOG.log(
              System.Logger.Level.DEBUG,
              "notifying {0} failed (attempt {1}): {2}",
              f.subscription(),
              f.attempts(),
              f.error());
        }
        case Outcome.Postponed p -> postponed.add(new Outbox.Postponed(p.ids(), p.until()));
        case Outcome.Dropped d -> delivered.addAll(d.ids());
        case Outcome.Refused r -> {
          delivered.addAll(r.ids());
          status(statuses, r.tenant(), r.subscription()).failure(r.at());
          LOG.log(
              System.Logger.Level.DEBUG,
              "{0} may no longer be notified: its owner lost the right to read",
              r.subscription());
        }
      }
    }
    List<Outbox.Deliveries> deliveries = new ArrayList<>();
    for (Status status : statuses.values()) {
      deliveries.add(
          new Outbox.Deliveries(
              status.tenant,
              status.subscription,
              status.sent,
              status.failed,
              Optional.ofNullable(status.lastSuccess),
              Optional.ofNullable(status.lastFailure)));
    }
    return new Outbox.Settlement(delivered, retries, postponed, deliveries);
  }

  private static Outbox.Settlement merge(Outbox.Settlement a, Outbox.Settlement b) {
    if (a.isEmpty()) {
      return b;
    }
    return new Outbox.Settlement(
        concat(a.delivered(), b.delivered()),
        concat(a.retries(), b.retries()),
        concat(a.postponed(), b.postponed()),
        concat(a.deliveries(), b.deliveries()));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Status status(Map<String, Status> statuses, String tenant, String subscription) {
    return statuses.computeIfAbsent(
        key(tenant, subscription), k -> new Status(tenant, subscription));
  }

  private static String key(String tenant, String subscriptionId) {
    return tenant + "\n" + subscriptionId;
  }

  /** Counter deltas of one subscription within one settlement; confined to the loop thread. */
  private static final class Status {
    final String tenant;
    final String subscription;
    int sent;
    int failed;
    Instant lastSuccess;
    Instant lastFailure;

    Status(String tenant, String subscription) {
      this.tenant = tenant;
      this.subscription = subscription;
    }

    void success(Instant at) {
      sent++;
      lastSuccess = lastSuccess == null || at.isAfter(lastSuccess) ? at : lastSuccess;
    }

    void failure(Instant at) {
      sent++;
      failed++;
      lastFailure = lastFailure == null || at.isAfter(lastFailure) ? at : lastFailure;
    }
  }

  /**
   * Stops claiming, waits for the sends in flight (at most {@code timeout} for each stage) and
   * applies their outcomes. Messages still unsettled stay in the outbox for the next start.
   */
  public void close(Duration timeout) {
    running = false;
    LockSupport.unpark(loop);
    LockSupport.unpark(settler);
    try {
      loop.join(timeout.toMillis());
      settler.join(timeout.toMillis());
      workers.shutdown();
      workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Instant now = clock.instant();
      outbox.settleAndClaimRetries(merge(unsettled, settlement()), 0, now, now);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "settling notifications at shutdown failed", e);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
