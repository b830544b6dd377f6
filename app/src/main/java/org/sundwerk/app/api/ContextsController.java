package org.sundwerk.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.Operation;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.app.config.ContextManagement;
import org.sundwerk.app.security.AccessGate;
import org.sundwerk.broker.context.ContextKind;
import org.sundwerk.broker.context.ContextSummary;
import org.sundwerk.broker.context.ServedContext;
import org.sundwerk.broker.context.StoredContext;
import org.sundwerk.ngsild.codec.Times;
import org.sundwerk.ngsild.error.NgsiLdException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * @context management (clause 5.13, 6.30, 6.31): {@code /ngsi-ld/v1/jsonldContexts}.
 */
@RestController
@RequestMapping("/ngsi-ld/v1/jsonldContexts")
final class ContextsController {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ContextManagement contexts;
  private final ObjectMapper json;
  private final AccessGate gate;

  ContextsController(ContextManagement contexts, ObjectMapper json, AccessGate gate) {
    this.contexts = contexts;
    this.json = json;
    this.gate = gate;
  }

  /**
   * Hosted contexts serve every tenant, so they are decided in the default tenant: reading is
   * public; adding one is a WRITE (operators, and writers of a partner of the default tenant);
   * deleting one is an ADMIN action (operators only): contexts have no owner, and deleting one
   * breaks every payload of every tenant that names it.
   */
  private void allow(HttpServletRequest http, Operation operation) {
    gate.require(http, AccessRequest.of(TenantId.DEFAULT, operation, Resource.CONTEXTS));
  }

  @PostMapping
  ResponseEntity<Void> add(
      HttpServletRequest http,
      @RequestHeader(value = "Content-Type", required = false) String contentType,
      @RequestBody(required = false) byte[] body) {
    allow(http, Operation.WRITE);
    MediaTypes.requestType(contentType, false);
    if (body == null || body.length == 0) {
      throw NgsiLdException.invalidRequest("The request has no body");
    }
    JsonNode document;
    try {
      document = json.readTree(body);
    } catch (JacksonException e) {
      throw NgsiLdException.invalidRequest("The body is not valid JSON: " + e.getOriginalMessage());
    }
    StoredContext stored = contexts.add().handle(document);
    return ResponseEntity.created(URI.create(stored.url())).build();
  }

  @GetMapping
  ResponseEntity<JsonNode> list(@RequestParam Map<String, String> params) {
    Optional<ContextKind> kind =
        QueryParameters.param(params, "kind").map(ContextKind::fromApiName);
    boolean details = Boolean.parseBoolean(params.get("details"));
    ArrayNode array = NODES.arrayNode();
    for (ContextSummary summary : contexts.list().handle(kind)) {
      if (details) {
        array.add(details(summary));
      } else {
        array.add(summary.url());
      }
    }
    return ResponseEntity.ok().contentType(MediaTypes.JSON).body(array);
  }

  @GetMapping("/{contextId}")
  ResponseEntity<byte[]> serve(
      @PathVariable String contextId, @RequestParam Map<String, String> params) {
    ServedContext served = contexts.serve().handle(contextId);
    if (Boolean.parseBoolean(params.get("details"))) {
      return ResponseEntity.ok()
          .contentType(MediaTypes.JSON)
          .body(json.writeValueAsBytes(details(served.summary())));
    }
    return ResponseEntity.ok()
        .contentType(MediaTypes.JSON_LD)
        .body(served.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @DeleteMapping("/{contextId}")
  ResponseEntity<Void> delete(
      HttpServletRequest http,
      @PathVariable String contextId,
      @RequestParam Map<String, String> params) {
    allow(http, Operation.ADMIN);
    contexts.delete().handle(contextId, Boolean.parseBoolean(params.get("reload")));
    return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
  }

  private static ObjectNode details(ContextSummary summary) {
    ObjectNode item = NODES.objectNode();
    item.put("URL", summary.url());
    item.put("localId", summary.localId());
    item.put("kind", summary.kind().apiName());
    if (summary.createdAt() != null) {
      item.put("createdAt", Times.format(summary.createdAt()));
    }
    return item;
  }
}
