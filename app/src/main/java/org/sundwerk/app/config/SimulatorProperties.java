package org.sundwerk.app.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo simulator's settings under {@code sundwerk.simulator.*}. Whether it runs at all is
 * decided by {@link DemoConfiguration} ({@code sundwerk.simulator.enabled} or {@code
 * SUNDWERK_SIMULATOR}).
 *
 * @param interval time between two ticks (one uplink per device each); default 5 s; zero or
 *     negative is taken as the default
 * @param seed seed of the simulator's random source; default 0, which means a fresh seed per start
 */
@ConfigurationProperties("sundwerk.simulator")
public record SimulatorProperties(
    @DefaultValue("5s") Duration interval, @DefaultValue("0") long seed) {

  public Duration tickInterval() {
    return interval.isNegative() || interval.isZero() ? Duration.ofSeconds(5) : interval;
  }

  public java.util.Random random() {
    return seed == 0 ? new java.util.Random() : new java.util.Random(seed);
  }
}
