package org.sundwerk.access.limit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The limit of each tier; a tier without one is not limited. A later business model sets limits per
 * offer by giving keys a tier of their own.
 */
public record RateLimits(Map<Tier, Limit> limits) {

  /**
   * Defaults for one node, per minute: anonymous clients 120 (bursts of 60), residents 300 (100),
   * partners 1,200 (300), operators 6,000 (1,000), the platform unlimited. Not measured against
   * real traffic yet: the first deployment should tune them.
   */
  public static final RateLimits DEFAULT =
      new RateLimits(
          Map.of(
              Tier.ANONYMOUS, new Limit(120, Duration.ofMinutes(1), 60),
              Tier.RESIDENT, new Limit(300, Duration.ofMinutes(1), 100),
              Tier.PARTNER, new Limit(1200, Duration.ofMinutes(1), 300),
              Tier.OPERATOR, new Limit(6000, Duration.ofMinutes(1), 1000)));

  public RateLimits {
    limits = limits.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(limits));
  }

  public Optional<Limit> of(Tier tier) {
    return Optional.ofNullable(limits.get(tier));
  }
}
