package org.sundwerk.app.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.sundwerk.app.config.SundwerkProperties;
import org.sundwerk.app.web.ProblemDetails;
import org.sundwerk.broker.entity.BatchResult;
import org.sundwerk.broker.entity.UpdateResult;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What the controllers share: request parsing with the configured limits, and rendering. */
@Component
final class Api {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Contexts contexts;
  private final Responses responses;
  private final ObjectMapper json;
  private final SundwerkProperties properties;

  Api(Contexts contexts, Responses responses, ObjectMapper json, SundwerkProperties properties) {
    this.contexts = contexts;
    this.responses = responses;
    this.json = json;
    this.properties = properties;
  }

  NgsiLdRequest request(HttpServletRequest http) {
    return NgsiLdRequest.of(http, contexts);
  }

  NgsiLdRequest request(HttpServletRequest http, byte[] body, boolean mergePatchAllowed) {
    return NgsiLdRequest.withBody(http, body, contexts, json, mergePatchAllowed);
  }

  Contexts contexts() {
    return contexts;
  }

  Responses responses() {
    return responses;
  }

  int defaultPageSize() {
    return properties.defaultPageSize();
  }

  /** The UpdateResult body of a 207 (clause 5.2.18), names compacted. */
  static ObjectNode updateResult(UpdateResult result, TermDictionary terms) {
    ObjectNode body = NODES.objectNode();
    ArrayNode updated = body.putArray("updated");
    result.updated().forEach(name -> updated.add(terms.compact(name)));
    ArrayNode notUpdated = body.putArray("notUpdated");
    for (UpdateResult.NotUpdated skipped : result.notUpdated()) {
      ObjectNode item = notUpdated.addObject();
      item.put("attributeName", terms.compact(skipped.attributeName()));
      item.put("reason", skipped.reason());
    }
    return body;
  }

  /** The BatchOperationResult body of a 207 (clause 5.2.16). */
  static ObjectNode batchResult(BatchResult result) {
    ObjectNode body = NODES.objectNode();
    ArrayNode success = body.putArray("success");
    result.success().forEach(success::add);
    ArrayNode errors = body.putArray("errors");
    for (BatchResult.BatchError error : result.errors()) {
      ObjectNode item = errors.addObject();
      item.put("entityId", error.entityId());
      item.set(
          "error",
          ProblemDetails.body(
              error.error().type(), error.error().httpStatus(), error.error().detail()));
    }
    return body;
  }
}
