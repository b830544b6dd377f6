package org.sundwerk.ngsild.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * Loads context documents by URL, trying in this order: (a) the bundled NGSI-LD core contexts
 * ({@link CoreContexts}), (b) contexts hosted by the broker ({@link HostedContexts}), (c) the
 * preloaded-contexts directory, then the bundled Smart Data Models contexts ({@link
 * PreloadedContexts}), (d) HTTP(S) through the SSRF guard, with the result cached for {@link
 * ContextSettings#cacheTtl()} (at most {@value #MAX_CACHED_DOCUMENTS} documents). Documents are
 * returned as published. Usable directly ({@link #load}) and as titanium's {@link DocumentLoader}.
 * Thread-safe.
 */
public final class ContextLoader implements DocumentLoader {

  static final int MAX_CACHED_DOCUMENTS = 1_000;

  /** A document together with its parsed form, so that titanium never re-parses cached ones. */
  private record Loaded(ContextDocument document, JsonStructure json) {}

  private final HostedContexts hosted;
  private final PreloadedContexts preloaded;
  private final HttpContextFetcher fetcher;
  private final Clock clock;
  private final Map<String, Loaded> fixed = new ConcurrentHashMap<>();
  private final Cache<String, Loaded> fetched;

  public ContextLoader(ContextSettings settings, HostedContexts hosted, Clock clock) {
    this.hosted = hosted;
    this.preloaded =
        settings
            .preloadedDirectory()
            .map(PreloadedContexts::from)
            .orElse(PreloadedContexts.none())
            .orElse(PreloadedContexts.smartDataModels());
    this.fetcher =
        new HttpContextFetcher(
            settings, new UrlGuard(settings.allowedHosts(), settings.allowPrivateNetworks()));
    this.clock = clock;
    this.fetched =
        Caffeine.newBuilder()
            .maximumSize(MAX_CACHED_DOCUMENTS)
            .expireAfterWrite(settings.cacheTtl())
            .build();
  }

  /**
   * The context document for the URL.
   *
   * @throws NgsiLdException {@code LdContextNotAvailable} when it cannot be obtained, {@code
   *     BadRequestData} when what was obtained is not JSON
   */
  public ContextDocument load(String url) {
    return loaded(url).document();
  }

  @Override
  public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
    try {
      Loaded loaded = loaded(url.toString());
      JsonDocument document = JsonDocument.of(loaded.json());
      document.setDocumentUrl(url);
      return document;
    } catch (NgsiLdException e) {
      // The resolver unwraps the cause, so the caller sees our error type, not titanium's.
      throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e.getMessage(), e);
    }
  }

  /** The documents fetched over HTTP that are still cached. */
  public List<ContextDocument> cachedDocuments() {
    return fetched.asMap().values().stream().map(Loaded::document).toList();
  }

  /** Forgets a fetched document, so that the next use fetches it again. */
  public void evict(String url) {
    fetched.invalidate(url);
  }

  private Loaded loaded(String url) {
    Optional<String> core = CoreContexts.resourceFor(url);
    if (core.isPresent()) {
      return fixed.computeIfAbsent(
          url, u -> parse(u, ContextDocument.Source.CORE, readResource(core.get())));
    }
    Optional<String> hostedBody = hosted.find(url);
    if (hostedBody.isPresent()) {
      // Not cached here: a hosted context may be deleted at any time.
      return parse(url, ContextDocument.Source.HOSTED, hostedBody.get());
    }
    Optional<String> preloadedBody = preloadedBody(url);
    if (preloadedBody.isPresent()) {
      return fixed.computeIfAbsent(
          url, u -> parse(u, ContextDocument.Source.PRELOADED, preloadedBody.get()));
    }
    URI uri = toUri(url);
    return fetched.get(url, u -> parse(u, ContextDocument.Source.FETCHED, fetcher.fetch(uri)));
  }

  private Optional<String> preloadedBody(String url) {
    try {
      return preloaded.find(url);
    } catch (UncheckedIOException e) {
      throw new NgsiLdException(
          ErrorType.LD_CONTEXT_NOT_AVAILABLE,
          "@context " + url + " is not available: " + e.getMessage(),
          e);
    }
  }

  private Loaded parse(String url, ContextDocument.Source source, String body) {
    try {
      JsonStructure json = Json.createReader(new StringReader(body)).read();
      return new Loaded(new ContextDocument(url, source, body, clock.instant()), json);
    } catch (JsonException e) {
      throw NgsiLdException.badRequestData(
          "@context " + url + " is not a valid JSON document: " + e.getMessage());
    }
  }

  private static URI toUri(String url) {
    try {
      URI uri = URI.create(url);
      if (!uri.isAbsolute()) {
        throw NgsiLdException.badRequestData("@context reference is not an absolute URL: " + url);
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw NgsiLdException.badRequestData("@context reference is not a valid URL: " + url);
    }
  }

  private static String readResource(String name) {
    try (InputStream in = ContextLoader.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bundled core context missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
