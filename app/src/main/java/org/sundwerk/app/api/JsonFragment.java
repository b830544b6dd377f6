package org.sundwerk.app.api;

import org.sundwerk.ngsild.error.NgsiLdException;
import tools.jackson.databind.JsonNode;

/**
 * The entity-level members of a body sent to {@code /entities/{id}}: an id in the body must name
 * the same entity as the path.
 *
 * @param types the {@code type} member or null
 * @param scopes the {@code scope} member or null
 */
record JsonFragment(JsonNode types, JsonNode scopes) {

  static JsonFragment of(JsonNode body, String pathId) {
    if (!body.isObject()) {
      throw NgsiLdException.badRequestData("The body must be a JSON object");
    }
    JsonNode id = body.get("id");
    if (id != null && !(id.isString() && id.asString().equals(pathId))) {
      throw NgsiLdException.badRequestData(
          "The id in the body (" + id + ") differs from the id in the path (" + pathId + ")");
    }
    return new JsonFragment(body.get("type"), body.get("scope"));
  }
}
