package org.sundwerk.app.config;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo city switches under {@code sundwerk.demo.*} and {@code sundwerk.simulator.*} are read by
 * {@link DemoConfiguration} from the environment, so that the short forms {@code SUNDWERK_DEMO} and
 * {@code SUNDWERK_SIMULATOR} work as well; this record documents the simulator's settings.
 *
 * @param interval time between two simulator ticks (one uplink per device each); default 5 s
 * @param seed seed of the simulator's random source; default: a fresh one per start
 */
@ConfigurationProperties("sundwerk.simulator")
public record DemoProperties(Optional<Duration> interval, Optional<Long> seed) {

  public Duration tickInterval() {
    return interval.filter(d -> !d.isNegative() && !d.isZero()).orElse(Duration.ofSeconds(5));
  }
}
