package org.sundwerk.broker.context;

import java.time.Clock;
import java.util.UUID;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code addContext} (POST /jsonldContexts): stores a user's context so that the broker serves it
 * under a new URL. Answered with 201 and {@code Location} = the returned context's URL.
 */
public final class AddContext {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ContextStore store;
  private final ContextResolver resolver;
  private final HostedContextUrls urls;
  private final Clock clock;

  public AddContext(
      ContextStore store, ContextResolver resolver, HostedContextUrls urls, Clock clock) {
    this.store = store;
    this.resolver = resolver;
    this.urls = urls;
    this.clock = clock;
  }

  /**
   * Checks that the body is {@code {"@context": ...}} with a valid JSON-LD context, then stores it
   * as a {@code Hosted} context with a fresh UUID as id.
   *
   * @throws NgsiLdException {@code BadRequestData} when the body or the context is invalid, {@code
   *     LdContextNotAvailable} when a context it references cannot be obtained
   */
  public StoredContext handle(JsonNode body) {
    if (body == null || !body.isObject() || !body.has("@context")) {
      throw NgsiLdException.badRequestData(
          "the body must be a JSON object with an @context member");
    }
    JsonNode context = body.get("@context");
    return host(context, ContextKind.HOSTED);
  }

  /**
   * Hosts a context the broker needs a URL for, such as the inline context of a subscription whose
   * notifications go out as {@code application/json} with a {@code Link} header. Stored as {@code
   * ImplicitlyCreated}; validated like {@link #handle}.
   *
   * @param context the {@code @context} value (object, array or URL)
   */
  public StoredContext handleImplicit(JsonNode context) {
    return host(context, ContextKind.IMPLICITLY_CREATED);
  }

  private StoredContext host(JsonNode context, ContextKind kind) {
    if (!context.isObject() && !context.isArray() && !context.isString()) {
      throw NgsiLdException.badRequestData(
          "@context must be an object, an array or a URL, not " + context.getNodeType());
    }
    resolver.resolve(context); // validates: processed once by the JSON-LD processor
    ObjectNode document = JSON.createObjectNode();
    document.set("@context", context);
    String id = UUID.randomUUID().toString();
    StoredContext stored =
        new StoredContext(
            id, urls.urlOf(id), kind.apiName(), JSON.writeValueAsString(document), clock.instant());
    store.save(stored);
    return stored;
  }
}
