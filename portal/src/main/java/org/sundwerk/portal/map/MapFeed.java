package org.sundwerk.portal.map;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.sundwerk.broker.paging.Paging;
import org.sundwerk.broker.subscription.LocalEndpoints;
import org.sundwerk.broker.subscription.Subscription;
import org.sundwerk.broker.subscription.SubscriptionOperations;
import org.sundwerk.ngsild.codec.Times;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.portal.PortalGate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Live map updates: one subscription of the broker per node and municipality, delivered to this
 * node's local endpoint {@code local:portal-map-<node>} (through the outbox, so a change is not
 * lost while the node runs), pushed as server-sent events to the open maps of that municipality.
 *
 * <p>What is pushed: for each changed entity, its marker as anonymous readers may see it now
 * ({@code event: marker}, the {@link Marker} as JSON, texts in each map's language), or {@code
 * event: gone} with its id when it was deleted or is hidden. The notification itself only tells
 * which entities changed; what is shown is read again through {@link PortalGate#publicEntities}. An
 * idle map gets a comment every {@link #HEARTBEAT} so that proxies keep the connection.
 *
 * <p>Changes are pushed at most every {@code push} interval (default 15 s): the entities changed
 * meanwhile are read once and each map gets one event per entity, however often it changed. A city
 * map needs no second-by-second values, and an open tab should cost its visitor next to nothing
 * (issue 14: under 5 KB a minute; the stream is gzip-compressed too, see application.yml).
 *
 * <p>Subscriptions expire after {@link #LIFETIME} and are replaced every {@link #RENEW}; they are
 * deleted when the node stops. A crashed node's subscriptions expire on their own, and the next
 * node to start deletes the expired ones. On a database several nodes share, another node may claim
 * a notification for this node's endpoint: it fails there and is retried until this node takes it.
 * Thread-safe.
 */
final class MapFeed implements SmartLifecycle {

  static final Duration HEARTBEAT = Duration.ofSeconds(45);
  static final Duration LIFETIME = Duration.ofMinutes(30);
  static final Duration RENEW = Duration.ofMinutes(10);
  static final Duration CONNECTION = Duration.ofMinutes(30);

  /** Open maps per node at most: each holds a connection (not a thread). */
  static final int MAX_CLIENTS = 2000;

  private static final System.Logger LOG = System.getLogger(MapFeed.class.getName());
  private static final String PREFIX = "portal-map-";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final CityMarkers markers;
  private final LocalEndpoints local;
  private final SubscriptionOperations subscriptions;
  private final PortalGate gate;
  private final TermDictionary terms;
  private final List<String> tenants;
  private final Clock clock;
  private final Duration push;
  private final String node = UUID.randomUUID().toString().substring(0, 8);
  private final String endpoint = PREFIX + node;
  private final AtomicInteger generation = new AtomicInteger();

  /** The open maps by tenant. */
  private final ConcurrentHashMap<String, Set<Client>> clients = new ConcurrentHashMap<>();

  private final AtomicInteger open = new AtomicInteger();

  /**
   * The ids each tenant's maps may know (shown to anonymous readers since they were last read): a
   * {@code gone} event is sent only for these, so a change of a hidden entity never tells its id.
   */
  private final ConcurrentHashMap<String, Set<String>> known = new ConcurrentHashMap<>();

  /** The entities changed since the last push, by tenant. */
  private final ConcurrentHashMap<String, Set<String>> pending = new ConcurrentHashMap<>();

  /** This node's current subscription per tenant. */
  private final ConcurrentHashMap<String, String> current = new ConcurrentHashMap<>();

  private volatile ScheduledExecutorService timer;

  /** One open map: its connection and language. Sends are serialised per client. */
  private record Client(SseEmitter emitter, Locale locale) {}

  /**
   * @param tenants the municipalities whose maps get live updates
   * @param terms the default dictionary, for the subscriptions' type IRIs
   * @param push how often the changes gathered meanwhile are pushed
   */
  MapFeed(
      CityMarkers markers,
      LocalEndpoints local,
      SubscriptionOperations subscriptions,
      PortalGate gate,
      TermDictionary terms,
      List<String> tenants,
      Clock clock,
      Duration push) {
    this.markers = markers;
    this.local = local;
    this.subscriptions = subscriptions;
    this.gate = gate;
    this.terms = terms;
    this.tenants = List.copyOf(tenants);
    this.clock = clock;
    this.push = push;
  }

  /** Notes the markers a map of {@code tenant} was given, for later {@code gone} events. */
  void shown(String tenant, List<Marker> markers) {
    if (serves(tenant)) {
      Set<String> ids = known.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet());
      markers.forEach(m -> ids.add(m.id()));
    }
  }

  /** Whether {@code tenant} has live updates. */
  boolean serves(String tenant) {
    return tenants.contains(tenant);
  }

  /** Opens an event stream for a map of {@code tenant}; empty when too many are open. */
  Optional<SseEmitter> open(String tenant, Locale locale) {
    if (open.incrementAndGet() > MAX_CLIENTS) {
      open.decrementAndGet();
      return Optional.empty();
    }
    SseEmitter emitter = new SseEmitter(CONNECTION.toMillis());
    Client client = new Client(emitter, locale);
    clients.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet()).add(client);
    Runnable close =
        () -> {
          if (clients.getOrDefault(tenant, Set.of()).remove(client)) {
            open.decrementAndGet();
          }
        };
    emitter.onCompletion(close);
    emitter.onTimeout(close);
    emitter.onError(e -> close.run());
    // The first bytes: the browser's EventSource fires "open", the map knows it is live.
    send(tenant, client, SseEmitter.event().comment("live"));
    return Optional.of(emitter);
  }

  /** The local endpoint's receiver: notes which entities changed, for the next push. */
  void receive(String tenant, String subscriptionId, JsonNode notification) {
    if (clients.getOrDefault(tenant, Set.of()).isEmpty()) {
      return;
    }
    Set<String> ids = pending.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet());
    for (JsonNode entity : notification.path("data")) {
      String id = entity.path("id").asString("");
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
  }

  /** Pushes the markers changed since the last push to each tenant's open maps. */
  private void push() {
    for (String tenant : pending.keySet()) {
      Set<String> changed = pending.remove(tenant);
      Set<Client> audience = clients.getOrDefault(tenant, Set.of());
      if (changed == null || changed.isEmpty() || audience.isEmpty()) {
        continue;
      }
      Set<String> ids = new LinkedHashSet<>(changed);
      Map<Locale, List<SseEmitter.SseEventBuilder>> events = new HashMap<>();
      for (Client client : audience) {
        List<SseEmitter.SseEventBuilder> mine =
            events.computeIfAbsent(client.locale(), locale -> events(tenant, ids, locale));
        mine.forEach(event -> send(tenant, client, event));
      }
    }
  }

  private List<SseEmitter.SseEventBuilder> events(String tenant, Set<String> ids, Locale locale) {
    Map<String, Marker> shown = new HashMap<>();
    markers.markers(tenant, ids, locale).forEach(m -> shown.put(m.id(), m));
    Set<String> visible = known.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet());
    List<SseEmitter.SseEventBuilder> events = new ArrayList<>();
    for (String id : ids) {
      Marker marker = shown.get(id);
      if (marker != null) {
        visible.add(id);
        events.add(SseEmitter.event().name("marker").data(JSON.writeValueAsString(marker)));
      } else if (visible.contains(id)) {
        // Was shown, is now deleted or hidden. (Kept in the set for the other languages' maps.)
        events.add(SseEmitter.event().name("gone").data(JSON.writeValueAsString(Map.of("id", id))));
      }
    }
    return events;
  }

  private void send(String tenant, Client client, SseEmitter.SseEventBuilder event) {
    try {
      synchronized (client) {
        client.emitter().send(event);
      }
    } catch (IOException | IllegalStateException e) {
      // The map was closed: forget it (the container completes the emitter).
      if (clients.getOrDefault(tenant, Set.of()).remove(client)) {
        open.decrementAndGet();
      }
    }
  }

  private void pushSafely() {
    try {
      push();
    } catch (RuntimeException e) {
      // A failed read must not end the schedule: the next changes are pushed again.
      LOG.log(System.Logger.Level.WARNING, "portal map: pushing changes failed", e);
    }
  }

  private void heartbeat() {
    clients.forEach(
        (tenant, audience) ->
            audience.forEach(client -> send(tenant, client, SseEmitter.event().comment(""))));
  }

  @Override
  public void start() {
    local.register(endpoint, this::receive);
    for (String tenant : tenants) {
      try {
        removeExpired(tenant);
        subscribe(tenant);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "portal map: no live updates for " + tenant, e);
      }
    }
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sundwerk-portal-map").daemon().factory());
    scheduler.scheduleWithFixedDelay(
        this::pushSafely, push.toMillis(), push.toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        this::heartbeat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(
        this::renew, RENEW.toSeconds(), RENEW.toSeconds(), TimeUnit.SECONDS);
    timer = scheduler;
  }

  @Override
  public void stop() {
    ScheduledExecutorService scheduler = timer;
    timer = null;
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    current.forEach(this::delete);
    current.clear();
    local.unregister(endpoint);
    clients.values().forEach(audience -> audience.forEach(c -> c.emitter().complete()));
    clients.clear();
  }

  @Override
  public boolean isRunning() {
    return timer != null;
  }

  /** Replaces each subscription by a fresh one before it expires: new first, then the old goes. */
  private void renew() {
    for (String tenant : tenants) {
      try {
        String old = current.get(tenant);
        subscribe(tenant);
        if (old != null) {
          delete(tenant, old);
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "portal map: renewing for " + tenant + " failed", e);
      }
    }
  }

  private void subscribe(String tenant) {
    String id = "urn:ngsi-ld:Subscription:portal-map:" + node + ":" + generation.incrementAndGet();
    ObjectNode body = NODES.objectNode();
    body.put("id", id);
    body.put("type", "Subscription");
    body.put("subscriptionName", "portal map of node " + node);
    ArrayNode entities = body.putArray("entities");
    markers.typeIris().forEach(type -> entities.addObject().put("type", type));
    ArrayNode triggers = body.putArray("notificationTrigger");
    List.of(
            "entityCreated",
            "entityDeleted",
            "attributeCreated",
            "attributeUpdated",
            "attributeDeleted")
        .forEach(triggers::add);
    body.put("expiresAt", Times.format(clock.instant().plus(LIFETIME)));
    ObjectNode notification = body.putObject("notification");
    // Only which entities changed: the marker is read again with the anonymous reader's view.
    notification.putArray("attributes").add("location");
    notification.put("format", "keyValues");
    notification.putObject("endpoint").put("uri", LocalEndpoints.uri(endpoint).toString());
    subscriptions
        .create()
        .platform(tenant, Optional.of(gate.platformSubscriber()), body, terms, Optional.empty());
    current.put(tenant, id);
  }

  private void delete(String tenant, String id) {
    try {
      subscriptions.delete().handle(tenant, id);
    } catch (NgsiLdException gone) {
      // already deleted (by another node's clean-up of expired ones)
    }
  }

  /** Deletes the expired map subscriptions of any node, e.g. left behind by a crash. */
  private void removeExpired(String tenant) {
    Instant now = clock.instant();
    Optional<String> party = Optional.of(gate.platformSubscriber().party());
    List<Subscription> expired = new ArrayList<>();
    int offset = 0;
    while (true) {
      List<Subscription> page =
          subscriptions.query().handle(tenant, party, new Paging(100, offset, false)).items();
      for (Subscription s : page) {
        boolean map =
            LocalEndpoints.nameOf(s.notification().endpoint().uri())
                .filter(name -> name.startsWith(PREFIX))
                .isPresent();
        if (map && s.statusAt(now).equals("expired")) {
          expired.add(s);
        }
      }
      if (page.size() < 100) {
        break;
      }
      offset += 100;
    }
    expired.forEach(s -> delete(tenant, s.id()));
  }
}
