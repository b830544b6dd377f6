package org.sundwerk.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The retention settings bind from ISO 8601 and simple durations, per tenant too. */
class TemporalPropertiesTest {

  private static TemporalProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("sundwerk.temporal", TemporalProperties.class);
  }

  @Test
  void keepsHistoryForEverByDefault() {
    TemporalProperties properties = bind(Map.of());

    assertThat(properties.defaultRetention()).isEmpty();
    assertThat(properties.tenantRetention()).isEmpty();
    assertThat(properties.pruneInterval()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void bindsADefaultAndPerTenantRetention() {
    TemporalProperties properties =
        bind(
            Map.of(
                "sundwerk.temporal.retention", "P365D",
                "sundwerk.temporal.tenant-retention.stralsund", "30d",
                "sundwerk.temporal.prune-interval", "PT10M"));

    assertThat(properties.defaultRetention()).contains(Duration.ofDays(365));
    assertThat(properties.tenantRetention()).containsEntry("stralsund", Duration.ofDays(30));
    assertThat(properties.pruneInterval()).isEqualTo(Duration.ofMinutes(10));
  }
}
