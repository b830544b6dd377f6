package org.sundwerk.app.business;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sundwerk.access.key.ApiKeys;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.offer.Offers;
import org.sundwerk.business.offer.Ordering;
import org.sundwerk.business.offer.Orders;

/**
 * Offers, orders and the ordering rules, and the settlement that ends due cancellations and renews
 * subscriptions once a minute (every node may run it: each step is a conditional update).
 */
@Configuration(proxyBeanMethods = false)
class OfferConfiguration {

  /** Offers of the catalog's services, each sold by the partner that provides its service. */
  @Bean
  Offers offers(BusinessDatabase database, Clock clock, Services services) {
    return new Offers(database, clock, Optional.of(services));
  }

  @Bean
  Orders orders(BusinessDatabase database) {
    return new Orders(database);
  }

  @Bean
  Ordering ordering(Offers offers, Orders orders, ApiKeys keys, Clock clock) {
    return new Ordering(offers, orders, keys, clock);
  }

  @Bean(destroyMethod = "close")
  OrderSettlement orderSettlement(Ordering ordering) {
    return new OrderSettlement(ordering, Duration.ofMinutes(1));
  }

  /** Runs {@link Ordering#settle} every interval on one daemon thread; a failure is logged. */
  static final class OrderSettlement implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSettlement.class);

    private final ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("sundwerk-order-settlement").daemon().unstarted(r));

    OrderSettlement(Ordering ordering, Duration interval) {
      executor.scheduleWithFixedDelay(
          () -> {
            try {
              int changed = ordering.settle();
              if (changed > 0) {
                LOG.info("settled {} orders (ended or renewed)", changed);
              }
            } catch (RuntimeException e) {
              LOG.warn("settling orders failed", e);
            }
          },
          interval.toMillis(),
          interval.toMillis(),
          TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }
}
