package org.sundwerk.app.config;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.app.demo.CitySimulator;
import org.sundwerk.app.demo.DemoCatalog;
import org.sundwerk.app.demo.DemoCity;
import org.sundwerk.app.demo.DemoHistory;
import org.sundwerk.app.demo.DemoLoader;
import org.sundwerk.app.demo.DemoOffers;
import org.sundwerk.app.demo.DemoPartner;
import org.sundwerk.app.demo.DemoPartners;
import org.sundwerk.broker.Broker;
import org.sundwerk.broker.temporal.TemporalOperations;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.offer.Offers;
import org.sundwerk.business.offer.Ordering;
import org.sundwerk.business.partner.Partners;
import org.sundwerk.ingestion.Ingestion;
import org.sundwerk.ngsild.jsonld.ContextResolver;

/**
 * The demo city: loaded at start unless {@code sundwerk.demo.enabled=false} (or {@code
 * SUNDWERK_DEMO=false}); the simulator runs when the demo does unless {@code
 * sundwerk.simulator.enabled=false} (or {@code SUNDWERK_SIMULATOR=false}).
 */
@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

  private static final System.Logger LOG = System.getLogger(DemoConfiguration.class.getName());

  /** The demo data set; also the vocabulary of the ingestion and the portal. */
  @Bean
  DemoCity demoCity(ContextResolver resolver) {
    return DemoCity.load(resolver);
  }

  static boolean demoEnabled(Environment env) {
    return switchOn(env, "sundwerk.demo.enabled", "sundwerk.demo", true);
  }

  static boolean simulatorEnabled(Environment env) {
    return demoEnabled(env)
        && switchOn(env, "sundwerk.simulator.enabled", "sundwerk.simulator", true);
  }

  private static boolean switchOn(Environment env, String key, String shortKey, boolean fallback) {
    Boolean value = env.getProperty(key, Boolean.class);
    if (value == null) {
      String shortValue = env.getProperty(shortKey);
      value = shortValue == null ? fallback : Boolean.parseBoolean(shortValue.trim());
    }
    return value;
  }

  @Bean
  ApplicationRunner demoStart(
      Environment env,
      Broker broker,
      DemoCity city,
      Ingestion ingestion,
      Clock clock,
      SimulatorProperties properties,
      SimulatorSchedule schedule,
      Accounts accounts,
      SecureRandom random,
      TemporalOperations temporal) {
    return (ApplicationArguments args) -> {
      if (!demoEnabled(env)) {
        return;
      }
      new DemoLoader(broker, city).load();
      // A year of history takes seconds to write: in the background, so the start stays quick
      // (the charts fill as it goes; the current state is already there).
      Thread.ofPlatform()
          .name("sundwerk-demo-history")
          .daemon()
          .start(
              () -> {
                try {
                  new DemoHistory(temporal, city, clock).seed();
                } catch (RuntimeException e) {
                  LOG.log(System.Logger.Level.WARNING, "demo history not written", e);
                }
              });
      DemoPartner.createIfNone(accounts, random)
          .ifPresent(
              password ->
                  LOG.log(
                      System.Logger.Level.WARNING,
                      "Created the demo partner {0} (editor of {1}) with the one-time password"
                          + " {2} (shown only now)",
                      DemoPartner.EMAIL,
                      DemoPartner.PARTNER.value(),
                      password));
      if (simulatorEnabled(env)) {
        CitySimulator simulator = new CitySimulator(ingestion, city, clock, properties.random());
        schedule.start(simulator, properties);
      }
    };
  }

  @Bean(destroyMethod = "close")
  SimulatorSchedule simulatorSchedule() {
    return new SimulatorSchedule();
  }

  /** The simulator's one thread; stopped with the application context. */
  static final class SimulatorSchedule implements AutoCloseable {

    private ScheduledExecutorService executor;

    synchronized void start(CitySimulator simulator, SimulatorProperties properties) {
      executor =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("sundwerk-simulator").daemon().factory());
      long millis = properties.tickInterval().toMillis();
      executor.scheduleWithFixedDelay(
          () -> {
            try {
              simulator.tick();
            } catch (RuntimeException e) {
              LOG.log(System.Logger.Level.WARNING, "simulator tick failed", e);
            }
          },
          0,
          millis,
          TimeUnit.MILLISECONDS);
      LOG.log(System.Logger.Level.INFO, "demo simulator sends readings every {0} ms", millis);
    }

    @Override
    public synchronized void close() {
      if (executor != null) {
        executor.shutdownNow();
      }
    }
  }

  /** The demo's partner network in tenant stralsund; seeded once, when it has no partners. */
  @Bean
  @Order(1)
  ApplicationRunner demoPartners(
      Environment env, Partners partners, Accounts accounts, SecureRandom random) {
    return (ApplicationArguments args) -> {
      if (!demoEnabled(env)) {
        return;
      }
      DemoPartners.seedIfEmpty(partners, accounts, random)
          .forEach(
              (email, password) ->
                  LOG.log(
                      System.Logger.Level.WARNING,
                      "Created the demo partner owner {0} with the one-time password {1} (shown"
                          + " only now)",
                      email,
                      password));
    };
  }

  /**
   * The demo's service catalog, seeded into an empty catalog before the search index is first built
   * (runners finish before the application is ready); the catalog is the portal search's source of
   * services.
   */
  @Bean
  @Order(2)
  ApplicationRunner demoCatalog(Environment env, Services services) {
    return args -> {
      if (demoEnabled(env)) {
        int added = new DemoCatalog(services).seedIfEmpty();
        if (added > 0) {
          LOG.log(System.Logger.Level.INFO, "demo catalog: {0} services added", added);
        }
      }
    };
  }

  /**
   * The demo's offers and orders, seeded once into an empty offer table; after the partners (their
   * owners, such as the hotel's, order) and the catalog (an offer sells a catalog service).
   */
  @Bean
  @Order(3)
  ApplicationRunner demoOffers(
      Environment env, Offers offers, Ordering ordering, Accounts accounts, Clock clock) {
    return args -> {
      if (demoEnabled(env) && new DemoOffers(offers, ordering, accounts, clock).seedIfEmpty()) {
        LOG.log(System.Logger.Level.INFO, "seeded the demo offers and orders");
      }
    };
  }
}
