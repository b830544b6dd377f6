package org.sundwerk.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The MQTT settings bind with their documented defaults; shared subscriptions are opt-in. */
class MqttPropertiesTest {

  private static MqttProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("sundwerk.mqtt", MqttProperties.class);
  }

  @Test
  void subscribesPlainlyByDefault() {
    MqttProperties properties = bind(Map.of());

    assertThat(properties.sharedGroup()).isEmpty();
    assertThat(properties.clientId()).isEqualTo("sundwerk-ingestion");
  }

  @Test
  void bindsASharedGroupBesideTheNodesClientId() {
    MqttProperties properties =
        bind(
            Map.of(
                "sundwerk.mqtt.shared-group", "sundwerk",
                "sundwerk.mqtt.client-id", "sundwerk-node2"));

    assertThat(properties.sharedGroup()).isEqualTo("sundwerk");
    assertThat(properties.clientId()).isEqualTo("sundwerk-node2");
  }
}
