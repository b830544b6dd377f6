package org.sundwerk.broker.subscription;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drains the {@link Outbox}: one loop thread claims due messages in batches, groups them per
 * subscription and hands each group to a virtual thread that renders and sends it in bundles of
 * {@link NotifierSettings#maxPerNotification()} changes. The loop settles the outcomes in batches:
 * delivered messages are deleted, failed ones are retried with exponential backoff, messages of a
 * throttled subscription are postponed, and the subscriptions' delivery counters are updated.
 *
 * <p>At-least-once: a message is deleted only after its endpoint acknowledged it, so a crash
 * between sending and deleting sends it again after the restart. A subscription is notified by one
 * thread at a time (its changes stay in order, throttling holds) and at most {@link
 * NotifierSettings#concurrency()} subscriptions at once, so a slow or dead endpoint delays only its
 * own subscriptions. Thread-safe; start once, close once.
 */
public final class Notifier implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Notifier.class.getName());

  private final Outbox outbox;
  private final ActiveSubscriptions subscriptions;
  private final NotificationRenderer renderer;
  private final NotificationSender sender;
  private final Clock clock;
  private final NotifierSettings settings;

  private final Semaphore slots;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final Thread loop;
  private volatile boolean running;

  /** Subscriptions (tenant + id) with a group in flight; their messages are not claimed. */
  private final Set<String> busy = ConcurrentHashMap.newKeySet();

  /** Outcomes of finished groups, settled by the loop thread. */
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

  /** Outcomes collected but not yet applied (the last poll failed); confined to the loop. */
  private Outbox.Settlement unsettled = Outbox.Settlement.NONE;

  /** When each subscription was last notified, for throttling. */
  private final ConcurrentHashMap<String, Instant> lastSent = new ConcurrentHashMap<>();

  /** What happened to one group of messages. */
  private sealed interface Outcome {
    List<Long> ids();

    record Delivered(
        String tenant, String subscription, List<Long> ids, int notifications, Instant at)
        implements Outcome {}

    record Failed(
        String tenant, String subscription, List<Long> ids, int attempts, Instant at, String error)
        implements Outcome {}

    record Postponed(List<Long> ids, Instant until) implements Outcome {}

    record Dropped(List<Long> ids) implements Outcome {}
  }

  public Notifier(
      Outbox outbox,
      ActiveSubscriptions subscriptions,
      NotificationRenderer renderer,
      NotificationSender sender,
      Clock clock,
      NotifierSettings settings) {
    this.outbox = outbox;
    this.subscriptions = subscriptions;
    this.renderer = renderer;
    this.sender = sender;
    this.clock = clock;
    this.settings = settings;
    this.slots = new Semaphore(settings.concurrency());
    this.loop = Thread.ofPlatform().name("sundwerk-notifier").daemon().unstarted(this::run);
  }

  /** Returns the messages a previous process left claimed, then starts draining. */
  public void start() {
    outbox.releaseClaims();
    running = true;
    loop.start();
  }

  /** Makes the loop poll now instead of after its pause (e.g. after a write committed). */
  public void wake() {
    LockSupport.unpark(loop);
  }

  private void run() {
    while (running) {
      try {
        unsettled = merge(unsettled, settlement());
        List<OutboxMessage> claimed =
            outbox.settleAndClaim(
                unsettled, settings.claimBatch(), clock.instant(), List.copyOf(busyIds()));
        unsettled = Outbox.Settlement.NONE;
        if (claimed.isEmpty()) {
          LockSupport.parkNanos(settings.pollInterval().toNanos());
          continue;
        }
        Map<String, List<OutboxMessage>> groups = new LinkedHashMap<>();
        for (OutboxMessage message : claimed) {
          groups
              .computeIfAbsent(
                  key(message.tenant(), message.subscriptionId()), k -> new ArrayList<>())
              .add(message);
        }
        for (Map.Entry<String, List<OutboxMessage>> group : groups.entrySet()) {
          slots.acquire();
          busy.add(group.getKey());
          workers.execute(() -> deliver(group.getKey(), group.getValue()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // A database hiccup must not end the loop: the messages stay and are tried again.
        LOG.log(System.Logger.Level.ERROR, "notifier poll failed", e);
        LockSupport.parkNanos(settings.retryInitial().toNanos());
      }
    }
  }

  private List<String> busyIds() {
    List<String> ids = new ArrayList<>();
    for (String key : busy) {
      ids.add(key.substring(key.indexOf('\n') + 1));
    }
    return ids;
  }

  /** Runs on a virtual thread: renders and sends one subscription's messages, in order. */
  private void deliver(String key, List<OutboxMessage> messages) {
    try {
      OutboxMessage first = messages.getFirst();
      Optional<Matcher> found = subscriptions.find(first.tenant(), first.subscriptionId());
      List<Long> ids = messages.stream().map(OutboxMessage::id).toList();
      if (found.isEmpty()) {
        outcomes.add(new Outcome.Dropped(ids));
        return;
      }
      Matcher matcher = found.get();
      Subscription s = matcher.subscription();
      Instant now = clock.instant();
      Instant last =
          lastSent.computeIfAbsent(key, k -> s.status().lastNotification().orElse(Instant.EPOCH));
      if (s.throttling().isPresent()) {
        Instant allowed = last.plusSeconds(s.throttling().get());
        if (now.isBefore(allowed)) {
          outcomes.add(new Outcome.Postponed(ids, allowed));
          return;
        }
      }
      int size = settings.maxPerNotification();
      int notifications = 0;
      for (int from = 0; from < messages.size(); from += size) {
        List<OutboxMessage> bundle = messages.subList(from, Math.min(from + size, messages.size()));
        Instant sendTime = clock.instant();
        try {
          sender.send(
              first.tenant(),
              s.notification().endpoint(),
              renderer.changes(matcher, bundle, sendTime));
          notifications++;
          lastSent.put(key, sendTime);
          outcomes.add(
              new Outcome.Delivered(
                  first.tenant(),
                  s.id(),
                  bundle.stream().map(OutboxMessage::id).toList(),
                  1,
                  sendTime));
        } catch (IOException | RuntimeException e) {
          List<OutboxMessage> rest = messages.subList(from, messages.size());
          int attempts = rest.stream().mapToInt(OutboxMessage::attempts).max().orElse(0) + 1;
          outcomes.add(
              new Outcome.Failed(
                  first.tenant(),
                  s.id(),
                  rest.stream().map(OutboxMessage::id).toList(),
                  attempts,
                  sendTime,
                  String.valueOf(e.getMessage())));
          return;
        }
        if (s.throttling().isPresent() && from + size < messages.size()) {
          // Bundles beyond the first wait for the next throttling window.
          List<OutboxMessage> rest = messages.subList(from + size, messages.size());
          outcomes.add(
              new Outcome.Postponed(
                  rest.stream().map(OutboxMessage::id).toList(),
                  sendTime.plusSeconds(s.throttling().get())));
          return;
        }
      }
    } finally {
      busy.remove(key);
      slots.release();
      wake();
    }
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
          status(statuses, d.tenant(), d.subscription()).success(d.notifications(), d.at());
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

  /** Counter deltas of one subscription within one settle; confined to the loop thread. */
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

    void success(int notifications, Instant at) {
      sent += notifications;
      lastSuccess = lastSuccess == null || at.isAfter(lastSuccess) ? at : lastSuccess;
    }

    void failure(Instant at) {
      sent++;
      failed++;
      lastFailure = lastFailure == null || at.isAfter(lastFailure) ? at : lastFailure;
    }
  }

  /**
   * Stops claiming, waits for the groups in flight (at most {@code timeout} in total), settles
   * their outcomes. Messages still unsettled stay in the outbox for the next start.
   */
  public void close(java.time.Duration timeout) {
    running = false;
    LockSupport.unpark(loop);
    try {
      loop.join(timeout.toMillis());
      workers.shutdown();
      workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      outbox.settleAndClaim(merge(unsettled, settlement()), 0, clock.instant(), List.of());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "settling notifications at shutdown failed", e);
    }
  }

  @Override
  public void close() {
    close(java.time.Duration.ofSeconds(10));
  }
}
