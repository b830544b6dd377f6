package org.sundwerk.ngsild.jsonld;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the broker obtains JSON-LD contexts. A plain value: adapters (Spring configuration, tests)
 * build it; {@link #defaults()} gives the safe defaults.
 *
 * @param preloadedDirectory a folder of context documents served in place of their remote URLs, see
 *     {@link PreloadedContexts} for its layout; default empty (none)
 * @param fetchTimeout the whole time allowed for one HTTP fetch of a context (connect, headers and
 *     body) and for each redirect hop; default 5 s; must be positive
 * @param maxDocumentBytes the largest context document accepted over HTTP, in bytes; larger ones
 *     are rejected with {@code LdContextNotAvailable}; default 1 MiB; must be positive
 * @param cacheTtl how long fetched documents and processed term dictionaries are kept before they
 *     are fetched or processed again; default 1 h; must be positive
 * @param allowedHosts host names (exact, case-insensitive), IP literals and CIDR blocks (such as
 *     {@code 10.1.0.0/16}) that may be fetched even though they are private, loopback or otherwise
 *     internal; default empty
 * @param allowPrivateNetworks when true, the SSRF guard admits every address (for closed test
 *     networks only); default false
 */
public record ContextSettings(
    Optional<Path> preloadedDirectory,
    Duration fetchTimeout,
    long maxDocumentBytes,
    Duration cacheTtl,
    List<String> allowedHosts,
    boolean allowPrivateNetworks) {

  public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(5);
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 1024 * 1024;
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofHours(1);

  public ContextSettings {
    Objects.requireNonNull(preloadedDirectory, "preloadedDirectory");
    requirePositive(fetchTimeout, "fetchTimeout");
    requirePositive(cacheTtl, "cacheTtl");
    if (maxDocumentBytes <= 0) {
      throw new IllegalArgumentException("maxDocumentBytes must be positive: " + maxDocumentBytes);
    }
    allowedHosts = List.copyOf(allowedHosts);
  }

  /** No preloaded directory, 5 s fetch timeout, 1 MiB documents, 1 h cache, no private networks. */
  public static ContextSettings defaults() {
    return new ContextSettings(
        Optional.empty(),
        DEFAULT_FETCH_TIMEOUT,
        DEFAULT_MAX_DOCUMENT_BYTES,
        DEFAULT_CACHE_TTL,
        List.of(),
        false);
  }

  public ContextSettings withPreloadedDirectory(Path directory) {
    return new ContextSettings(
        Optional.of(directory),
        fetchTimeout,
        maxDocumentBytes,
        cacheTtl,
        allowedHosts,
        allowPrivateNetworks);
  }

  public ContextSettings withFetchTimeout(Duration timeout) {
    return new ContextSettings(
        preloadedDirectory,
        timeout,
        maxDocumentBytes,
        cacheTtl,
        allowedHosts,
        allowPrivateNetworks);
  }

  public ContextSettings withMaxDocumentBytes(long bytes) {
    return new ContextSettings(
        preloadedDirectory, fetchTimeout, bytes, cacheTtl, allowedHosts, allowPrivateNetworks);
  }

  public ContextSettings withAllowedHosts(List<String> hosts) {
    return new ContextSettings(
        preloadedDirectory, fetchTimeout, maxDocumentBytes, cacheTtl, hosts, allowPrivateNetworks);
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
