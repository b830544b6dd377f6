package org.sundwerk.ingestion;

import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Which ingestion entry point a message on a topic goes to: one topic filter per message format
 * (ChirpStack, The Things Stack, plain JSON), so the format never has to be guessed from the
 * payload. Immutable and thread-safe.
 */
final class TopicRoutes {

  /** One entry point: the topic's levels, the payload, and what its sender may write. */
  @FunctionalInterface
  private interface Route {
    void accept(List<String> levels, byte[] payload, UplinkPermit permit);
  }

  private final Map<String, Route> routes = new LinkedHashMap<>();

  TopicRoutes(MqttSettings settings, Ingestion ingestion) {
    routes.put(
        settings.chirpStackTopic(),
        (levels, payload, permit) -> ingestion.chirpStack(payload, permit));
    routes.put(
        settings.thingsStackTopic(),
        (levels, payload, permit) -> ingestion.thingsStack(payload, permit));
    routes.put(
        settings.jsonPrefix() + "/+/+/attrs",
        // <prefix>/<tenant>/<entity-id>/attrs; an entity id with '/' cannot use this topic.
        (levels, payload, permit) -> {
          int n = levels.size();
          ingestion.attributes(levels.get(n - 3), levels.get(n - 2), payload, permit);
        });
  }

  /**
   * The topic filters with their handlers, in a fixed order, for a broker whose own ACLs decided
   * who published ({@link UplinkPermit#TRUSTED}).
   */
  Map<String, BiConsumer<List<String>, byte[]>> byFilter() {
    Map<String, BiConsumer<List<String>, byte[]>> trusted = new LinkedHashMap<>();
    routes.forEach(
        (filter, route) ->
            trusted.put(
                filter, (levels, payload) -> route.accept(levels, payload, UplinkPermit.TRUSTED)));
    return trusted;
  }

  /** Whether a message on {@code topic} would be ingested. */
  boolean matches(String topic) {
    MqttTopic parsed = MqttTopic.of(topic);
    return routes.keySet().stream().anyMatch(filter -> MqttTopicFilter.of(filter).matches(parsed));
  }

  /**
   * Hands the message to the first route whose filter matches, in the topic's lane, written only
   * where {@code permit} lets its sender write; other topics are ignored.
   */
  void route(String topic, byte[] payload, Lanes lanes, UplinkPermit permit) {
    MqttTopic parsed = MqttTopic.of(topic);
    for (Map.Entry<String, Route> route : routes.entrySet()) {
      if (MqttTopicFilter.of(route.getKey()).matches(parsed)) {
        lanes.submit(topic, () -> route.getValue().accept(parsed.getLevels(), payload, permit));
        return;
      }
    }
  }
}
