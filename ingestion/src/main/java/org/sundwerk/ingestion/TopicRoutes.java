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

  private final Map<String, BiConsumer<List<String>, byte[]>> routes = new LinkedHashMap<>();

  TopicRoutes(MqttSettings settings, Ingestion ingestion) {
    routes.put(settings.chirpStackTopic(), (levels, payload) -> ingestion.chirpStack(payload));
    routes.put(settings.thingsStackTopic(), (levels, payload) -> ingestion.thingsStack(payload));
    routes.put(
        settings.jsonPrefix() + "/+/+/attrs",
        // <prefix>/<tenant>/<entity-id>/attrs; an entity id with '/' cannot use this topic.
        (levels, payload) -> {
          int n = levels.size();
          ingestion.attributes(levels.get(n - 3), levels.get(n - 2), payload);
        });
  }

  /** The topic filters with their handlers, in a fixed order. */
  Map<String, BiConsumer<List<String>, byte[]>> byFilter() {
    return routes;
  }

  /**
   * Hands the message to the first route whose filter matches, in the topic's lane; other topics
   * are ignored.
   */
  void route(String topic, byte[] payload, Lanes lanes) {
    MqttTopic parsed = MqttTopic.of(topic);
    for (Map.Entry<String, BiConsumer<List<String>, byte[]>> route : routes.entrySet()) {
      if (MqttTopicFilter.of(route.getKey()).matches(parsed)) {
        lanes.submit(topic, () -> route.getValue().accept(parsed.getLevels(), payload));
        return;
      }
    }
  }
}
