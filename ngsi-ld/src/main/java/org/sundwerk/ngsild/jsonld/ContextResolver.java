package org.sundwerk.ngsild.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the {@code @context} of an NGSI-LD request into a {@link TermDictionary}. The context is
 * processed once by titanium-json-ld (so remote and nested contexts, prefixes, {@code @vocab} and
 * protected terms follow JSON-LD 1.1), with the NGSI-LD core context ({@link
 * CoreContexts#DEFAULT_URL}) always applied last so that its terms cannot be overridden (see {@link
 * LocalContexts} for the two ways the input is prepared). The resulting dictionaries are cached per
 * canonical JSON of the reference for {@link ContextSettings#cacheTtl()}, at most {@value
 * #MAX_CACHED_DICTIONARIES} of them. Thread-safe.
 */
public final class ContextResolver {

  static final int MAX_CACHED_DICTIONARIES = 1_000;

  private static final JsonMapper CANONICAL =
      JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

  private final ContextLoader loader;
  private final Cache<String, ContextDictionary> dictionaries;
  private final ContextDictionary defaultDictionary;

  public ContextResolver(ContextLoader loader, Duration cacheTtl) {
    this.loader = loader;
    this.dictionaries =
        Caffeine.newBuilder()
            .maximumSize(MAX_CACHED_DICTIONARIES)
            .expireAfterWrite(cacheTtl)
            .build();
    this.defaultDictionary = process(JsonValue.NULL);
  }

  /** A resolver with its own loader over the given settings and hosted contexts. */
  public static ContextResolver create(ContextSettings settings, HostedContexts hosted) {
    return new ContextResolver(
        new ContextLoader(settings, hosted, Clock.systemUTC()), settings.cacheTtl());
  }

  /**
   * The dictionary for an {@code @context} value: a URL string, an inline object or an array of
   * both. A null or missing value gives the {@linkplain #defaultDictionary() default}.
   *
   * @throws NgsiLdException {@code LdContextNotAvailable} when a referenced context cannot be
   *     obtained, {@code BadRequestData} when the context is not a valid JSON-LD context
   */
  public TermDictionary resolve(JsonNode contextReference) {
    if (contextReference == null || contextReference.isNull() || contextReference.isMissingNode()) {
      return defaultDictionary;
    }
    if (!contextReference.isString()
        && !contextReference.isObject()
        && !contextReference.isArray()) {
      throw NgsiLdException.badRequestData(
          "@context must be a URL, an object or an array, not " + contextReference);
    }
    String canonical = CANONICAL.writeValueAsString(contextReference);
    return dictionaries.get(canonical, key -> process(toJakarta(key)));
  }

  /** The dictionary of the NGSI-LD core context alone. */
  public TermDictionary defaultDictionary() {
    return defaultDictionary;
  }

  /** The loader this resolver fetches documents with. */
  public ContextLoader loader() {
    return loader;
  }

  /**
   * Forgets everything derived from the context at the URL (for example after a hosted context was
   * deleted): the fetched document and every cached dictionary.
   */
  public void invalidate(String url) {
    loader.evict(url);
    dictionaries.invalidateAll();
  }

  private ContextDictionary process(JsonValue reference) {
    // A fresh runtime per processing: titanium's own caches must not outlive ours.
    JsonLdOptions options = new JsonLdOptions(this::loadPrepared);
    try {
      ActiveContext active = new ActiveContext(ProcessingRuntime.of(options));
      if (reference != JsonValue.NULL) {
        active = active.newContext().create(LocalContexts.prepare(reference), null);
      }
      // Inline, not by URL: titanium does not pass "override protected" on to a fetched context,
      // and a protected core context of another version (v1.9) may already be active.
      active =
          active
              .newContext()
              .overrideProtected(true)
              .create(coreContext(), URI.create(CoreContexts.DEFAULT_URL));
      return ContextDictionary.of(active);
    } catch (JsonLdError e) {
      throw translate(e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw NgsiLdException.badRequestData("invalid @context: " + e.getMessage());
    }
  }

  private JsonValue coreContext() throws JsonLdError {
    URI url = URI.create(CoreContexts.DEFAULT_URL);
    return loadPrepared(url, new DocumentLoaderOptions())
        .getJsonContent()
        .map(json -> json.asJsonObject().get("@context"))
        .orElseThrow(() -> new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED));
  }

  private Document loadPrepared(URI url, DocumentLoaderOptions options) throws JsonLdError {
    JsonStructure json =
        loader
            .loadDocument(url, options)
            .getJsonContent()
            .orElseThrow(() -> new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED));
    JsonDocument prepared = JsonDocument.of(LocalContexts.prepareDocument(json));
    prepared.setDocumentUrl(url);
    return prepared;
  }

  private static NgsiLdException translate(JsonLdError error) {
    // Titanium wraps the real cause: our loader's error, or the defect in a remote context.
    JsonLdError innermost = error;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof NgsiLdException cause) {
        return cause;
      }
      if (t instanceof JsonLdError jsonLd) {
        innermost = jsonLd;
      }
    }
    JsonLdErrorCode code = innermost.getCode();
    if (code == JsonLdErrorCode.LOADING_DOCUMENT_FAILED
        || code == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED) {
      return new NgsiLdException(
          ErrorType.LD_CONTEXT_NOT_AVAILABLE,
          "@context is not available: " + innermost.getMessage(),
          error);
    }
    return new NgsiLdException(
        ErrorType.BAD_REQUEST_DATA, "invalid @context: " + innermost.getMessage(), error);
  }

  private static JsonValue toJakarta(String json) {
    try {
      return Json.createReader(new StringReader(json)).readValue();
    } catch (JsonException e) {
      throw NgsiLdException.badRequestData("@context is not valid JSON: " + e.getMessage());
    }
  }
}
