package org.sundwerk.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sundwerk.broker.Broker;
import org.sundwerk.broker.cluster.ClusterSignals;
import org.sundwerk.broker.context.AddContext;
import org.sundwerk.broker.context.ContextStore;
import org.sundwerk.broker.context.DeleteContext;
import org.sundwerk.broker.context.HostedContextUrls;
import org.sundwerk.broker.context.ListContexts;
import org.sundwerk.broker.context.ServeContext;
import org.sundwerk.broker.entity.EntityStore;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.ngsild.jsonld.ContextSettings;
import org.sundwerk.store.ChangeRecorder;
import org.sundwerk.store.JdbcContextStore;
import org.sundwerk.store.JdbcEntityStore;
import org.sundwerk.store.StoreDatabase;

/**
 * Wires the broker to the store (its database comes from {@link DatabaseConfiguration}) and the
 * JSON-LD context resolver.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The entity store; every {@link ChangeRecorder} bean (temporal history, notification outbox)
   * writes in the same transaction as the change it records.
   */
  @Bean(destroyMethod = "close")
  JdbcEntityStore jdbcEntityStore(StoreDatabase database, List<ChangeRecorder<?>> recorders) {
    return new JdbcEntityStore(database, recorders);
  }

  /** The health of the write path, named {@code writePath} in health and readiness. */
  @Bean
  WritePathHealth writePath(JdbcEntityStore store) {
    return new WritePathHealth(store);
  }

  @Bean
  ContextStore contextStore(StoreDatabase database) {
    return new JdbcContextStore(database);
  }

  @Bean
  ContextResolver contextResolver(SundwerkProperties properties, HostedContextUrls hosted) {
    SundwerkProperties.Contexts settings = properties.contexts();
    ContextSettings contextSettings =
        new ContextSettings(
            Optional.of(settings.preloadedDir()).filter(s -> !s.isBlank()).map(Path::of),
            settings.fetchTimeout(),
            settings.maxDocumentBytes(),
            settings.cacheTtl(),
            settings.allowedHosts(),
            false);
    return ContextResolver.create(contextSettings, hosted);
  }

  @Bean
  HostedContextUrls hostedContextUrls(ContextStore contexts, SundwerkProperties properties) {
    return new HostedContextUrls(contexts, properties.baseUrl());
  }

  @Bean
  ContextManagement contextManagement(
      ContextStore store,
      ContextResolver resolver,
      HostedContextUrls hosted,
      Clock clock,
      ClusterSignals signals) {
    // Another node deleted a context: forget it here too (all cached ones if signals were missed).
    signals.listen(
        ClusterSignals.Topic.CONTEXTS,
        url ->
            url.ifPresentOrElse(
                resolver::invalidate,
                () ->
                    resolver
                        .loader()
                        .cachedDocuments()
                        .forEach(document -> resolver.invalidate(document.url()))));
    return new ContextManagement(
        new AddContext(store, resolver, hosted, clock),
        new ListContexts(store, resolver),
        new ServeContext(store, resolver),
        new DeleteContext(store, resolver, signals));
  }

  @Bean
  Broker broker(
      JdbcEntityStore store, Clock clock, SundwerkProperties properties, MeterRegistry meters) {
    EntityStore timed = new TimedEntityStore(store, meters);
    return Broker.create(timed, clock, properties.maxPageSize());
  }
}
