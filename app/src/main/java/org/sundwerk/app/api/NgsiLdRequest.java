package org.sundwerk.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.sundwerk.broker.entity.Tenants;
import org.sundwerk.ngsild.codec.Names;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What every NGSI-LD request carries besides its parameters: the tenant, the JSON-LD context (from
 * the {@code Link} header or the body) turned into a term dictionary, and the parsed body.
 *
 * @param tenant the tenant (the default tenant is the empty string)
 * @param context the @context reference as given (a URL string, array or object), or empty
 * @param terms the dictionary of that context (or of the core context)
 * @param body the parsed request body, or empty for requests without one
 */
record NgsiLdRequest(
    String tenant, Optional<JsonNode> context, TermDictionary terms, Optional<JsonNode> body) {

  static final String LINK_REL = "http://www.w3.org/ns/json-ld#context";
  private static final Pattern LINK =
      Pattern.compile("<([^>]*)>\\s*;(?:[^,]*?)rel=\"?" + Pattern.quote(LINK_REL) + "\"?");

  /** A request without a body: the context comes from the Link header only. */
  static NgsiLdRequest of(HttpServletRequest http, Contexts contexts) {
    Optional<JsonNode> context = linkContext(http.getHeader("Link"));
    return new NgsiLdRequest(tenant(http), context, contexts.dictionary(context), Optional.empty());
  }

  /**
   * A request with a JSON body (its size is capped before, by the web edge's payload limit). With
   * {@code application/ld+json} the context must be in the body and not in a Link header; with
   * {@code application/json} the other way round (clause 6.3.5).
   */
  static NgsiLdRequest withBody(
      HttpServletRequest http,
      byte[] bytes,
      Contexts contexts,
      ObjectMapper json,
      boolean mergePatchAllowed) {
    MediaType type = MediaTypes.requestType(http.getContentType(), mergePatchAllowed);
    if (bytes == null || bytes.length == 0) {
      throw NgsiLdException.invalidRequest("The request has no body");
    }
    JsonNode body;
    try {
      body = json.readTree(bytes);
    } catch (JacksonException e) {
      throw NgsiLdException.invalidRequest("The body is not valid JSON: " + e.getOriginalMessage());
    }
    Optional<JsonNode> linked = linkContext(http.getHeader("Link"));
    Optional<JsonNode> context;
    if (type.equals(MediaTypes.JSON_LD)) {
      if (linked.isPresent()) {
        throw NgsiLdException.badRequestData(
            "With application/ld+json the @context belongs in the body, not in a Link header");
      }
      context = bodyContext(body);
      if (context.isEmpty()) {
        throw NgsiLdException.badRequestData(
            "An application/ld+json body needs an @context member");
      }
    } else {
      if (bodyContext(body).isPresent()) {
        throw NgsiLdException.badRequestData(
            "With application/json the @context goes in a Link header; use application/ld+json"
                + " for an @context in the body");
      }
      context = linked;
    }
    return new NgsiLdRequest(
        tenant(http), context, contexts.dictionary(context), Optional.of(body));
  }

  /** An attribute name from a URL path, validated and expanded with this request's context. */
  String attributeName(String pathSegment) {
    return terms.expand(Names.requireName(pathSegment, "Attribute name"));
  }

  JsonNode requireBody() {
    return body.orElseThrow(() -> NgsiLdException.invalidRequest("The request has no body"));
  }

  private static String tenant(HttpServletRequest http) {
    return Tenants.of(Optional.ofNullable(http.getHeader("NGSILD-Tenant")));
  }

  /** The context of an object body, or of the first element of an array body (batches). */
  private static Optional<JsonNode> bodyContext(JsonNode body) {
    JsonNode holder = body.isArray() && !body.isEmpty() ? body.get(0) : body;
    JsonNode context = holder.isObject() ? holder.get("@context") : null;
    return Optional.ofNullable(context);
  }

  static Optional<JsonNode> linkContext(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    Matcher matcher = LINK.matcher(header);
    if (!matcher.find()) {
      throw NgsiLdException.badRequestData(
          "The Link header has no link with rel=\"" + LINK_REL + "\": " + header);
    }
    String url = matcher.group(1).trim();
    if (!Names.isUri(url)) {
      // Not fetchable at all: the client's mistake, not an unavailable context (503).
      throw NgsiLdException.badRequestData(
          "The Link header's context is not an absolute URL: " + Names.shown(url));
    }
    return Optional.of(JsonNodeFactory.instance.stringNode(url));
  }
}
