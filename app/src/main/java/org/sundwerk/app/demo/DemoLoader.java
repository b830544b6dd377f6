package org.sundwerk.app.demo;

import org.sundwerk.broker.Broker;
import org.sundwerk.broker.entity.BatchResult;

/**
 * Writes the demo city into the broker through the batch upsert operation (the one behind {@code
 * POST /entityOperations/upsert}). Idempotent: every entity is upserted by id, so a restart
 * restores the demo state and never duplicates anything.
 */
public final class DemoLoader {

  private static final System.Logger LOG = System.getLogger(DemoLoader.class.getName());

  private final Broker broker;
  private final DemoCity city;

  public DemoLoader(Broker broker, DemoCity city) {
    this.broker = broker;
    this.city = city;
  }

  /**
   * @return how many entities were written
   * @throws IllegalStateException when the broker refused any demo entity
   */
  public int load() {
    int written = 0;
    for (DemoCity.Municipality municipality : city.municipalities()) {
      BatchResult result =
          broker
              .entities()
              .batchUpsert()
              .handle(municipality.tenant(), municipality.entities(), true);
      if (!result.errors().isEmpty()) {
        throw new IllegalStateException(
            "demo city: tenant " + municipality.tenant() + " refused " + result.errors());
      }
      written += result.success().size();
      LOG.log(
          System.Logger.Level.INFO,
          "demo city: {0} entities in tenant {1} ({2} new)",
          result.success().size(),
          municipality.tenant(),
          result.created().size());
    }
    return written;
  }
}
