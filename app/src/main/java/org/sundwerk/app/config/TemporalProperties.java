package org.sundwerk.app.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the temporal API under {@code sundwerk.temporal.*}.
 *
 * @param retention how long attribute instances are kept (ISO 8601 such as {@code P365D}, or {@code
 *     365d}); default none: history is kept for ever
 * @param tenantRetention per tenant name a retention that overrides {@code retention} (e.g. {@code
 *     sundwerk.temporal.tenant-retention.stralsund=P90D}); the default tenant follows {@code
 *     retention}
 * @param pruneInterval how often instances beyond their retention are deleted; default 1 h
 */
@ConfigurationProperties("sundwerk.temporal")
public record TemporalProperties(
    Duration retention,
    @DefaultValue Map<String, Duration> tenantRetention,
    @DefaultValue("1h") Duration pruneInterval) {

  public Optional<Duration> defaultRetention() {
    return Optional.ofNullable(retention);
  }
}
