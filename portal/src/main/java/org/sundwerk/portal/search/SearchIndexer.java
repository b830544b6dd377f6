package org.sundwerk.portal.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sundwerk.portal.PortalProperties;

/**
 * Builds each municipality's index from every {@link SearchSource}: once when the application is
 * ready (after the demo city is loaded), then every {@link SearchProperties#reindexInterval()} on
 * one daemon thread. Each tenant is rebuilt in its own transaction; a source that fails leaves that
 * tenant's previous index in place and is logged. Thread-safe: reindexing is serialised.
 */
@Component
public final class SearchIndexer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SearchIndexer.class.getName());

  private final SearchIndex index;
  private final List<SearchSource> sources;
  private final PortalProperties portal;
  private final SearchProperties properties;

  /** Guarded by {@code this}: started once, stopped on close. */
  private ScheduledExecutorService executor;

  SearchIndexer(
      SearchIndex index,
      List<SearchSource> sources,
      PortalProperties portal,
      SearchProperties properties) {
    this.index = index;
    this.sources = List.copyOf(sources);
    this.portal = portal;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  synchronized void start() {
    if (executor != null) {
      return;
    }
    reindexAll();
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("sundwerk-search-index").daemon().unstarted(r));
    long millis = properties.reindexInterval().toMillis();
    if (millis > 0) {
      executor.scheduleWithFixedDelay(this::reindexAll, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** The tenants indexed: the portal's municipalities and its default tenant. */
  public Set<String> tenants() {
    Set<String> tenants = new LinkedHashSet<>();
    tenants.add(portal.defaultTenant());
    portal.municipalities().forEach(m -> tenants.add(m.tenant()));
    return tenants;
  }

  /** Rebuilds every indexed tenant; failures are logged per tenant. */
  public void reindexAll() {
    for (String tenant : tenants()) {
      try {
        reindex(tenant);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "search index of " + tenant + " not rebuilt", e);
      }
    }
  }

  /**
   * Rebuilds the tenant's index from all sources in one transaction.
   *
   * @return how many documents the tenant's index holds now
   * @throws RuntimeException when a source or the database failed; the old index stays
   */
  public synchronized int reindex(String tenant) {
    List<SearchDocument> documents = new ArrayList<>();
    for (SearchSource source : sources) {
      try (Stream<SearchDocument> stream = source.documents(tenant)) {
        stream.forEach(documents::add);
      }
    }
    int count = index.replace(tenant, documents);
    LOG.log(System.Logger.Level.DEBUG, "search index of {0}: {1} documents", tenant, count);
    return count;
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
