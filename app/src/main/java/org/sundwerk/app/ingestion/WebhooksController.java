package org.sundwerk.app.ingestion;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.Actor;
import org.sundwerk.access.Operation;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.app.security.AccessDenied;
import org.sundwerk.app.security.AccessGate;
import org.sundwerk.app.web.ProblemDetails;
import org.sundwerk.broker.entity.Tenants;
import org.sundwerk.ingestion.IngestResult;
import org.sundwerk.ingestion.Ingestion;
import org.sundwerk.ingestion.UplinkPermit;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhooks of the network servers: {@code POST /ingestion/chirpstack} (ChirpStack v4 HTTP
 * integration, which adds {@code ?event=up}), {@code POST /ingestion/ttn} (The Things Stack v3
 * webhook, uplink messages) and {@code POST /ingestion/json/{tenant}/{entityId}} (plain JSON, as
 * the MQTT topic). Accepted and duplicate messages answer 200, rejected ones 400 with the reason
 * (422 when the broker refused the merge) as a ProblemDetails, so that the network server does not
 * retry what can never succeed.
 *
 * <p>Each message is decided once the ingestion knows where it writes ({@link IngestionAccess}):
 * {@code INGEST} into the tenant of the registered device (or of the path), with the type of the
 * target entity; a refusal is the gate's 401 or 403 and nothing is written. Network servers send
 * their key in a fixed header ({@code X-API-Key} or {@code Authorization: Bearer}), see
 * docs/access.md.
 */
@RestController
@RequestMapping("/ingestion")
final class WebhooksController {

  private final Ingestion ingestion;
  private final AccessGate gate;
  private final IngestionAccess access;

  WebhooksController(Ingestion ingestion, AccessGate gate, IngestionAccess access) {
    this.ingestion = ingestion;
    this.gate = gate;
    this.access = access;
  }

  /**
   * Anonymous callers are asked up front: the policy refuses them whatever the target, and a caller
   * without a key must not learn which devices are registered.
   */
  private void refuseAnonymous(HttpServletRequest http, TenantId tenant) {
    if (gate.actor(http, tenant) instanceof Actor.Anonymous) {
      gate.require(http, AccessRequest.of(tenant, Operation.INGEST, Resource.INGESTION));
    }
  }

  /** Ingests with the request's permit; a refusal becomes the gate's 401 or 403. */
  private IngestResult ingest(HttpServletRequest http, Function<UplinkPermit, IngestResult> how) {
    AtomicReference<AccessDenied> denied = new AtomicReference<>();
    IngestResult result = how.apply(access.forRequest(http, denied));
    if (denied.get() != null) {
      throw denied.get();
    }
    return result;
  }

  private static TenantId headerTenant(HttpServletRequest http) {
    try {
      return TenantId.of(Tenants.of(Optional.ofNullable(http.getHeader("NGSILD-Tenant"))));
    } catch (IllegalArgumentException e) {
      throw NgsiLdException.badRequestData(e.getMessage());
    }
  }

  @PostMapping("/chirpstack")
  ResponseEntity<?> chirpStack(
      HttpServletRequest http,
      @RequestParam("event") Optional<String> event,
      @RequestBody byte[] body) {
    refuseAnonymous(http, headerTenant(http));
    if (event.isPresent() && !event.get().equals("up")) {
      // join, status, ack, txack, log and location events carry no readings.
      return answer(HttpStatus.OK, "ignored", Map.of("event", event.get()));
    }
    return answer(ingest(http, permit -> ingestion.chirpStack(body, permit)));
  }

  @PostMapping("/ttn")
  ResponseEntity<?> thingsStack(HttpServletRequest http, @RequestBody byte[] body) {
    refuseAnonymous(http, headerTenant(http));
    return answer(ingest(http, permit -> ingestion.thingsStack(body, permit)));
  }

  @PostMapping("/json/{tenant}/{entityId}")
  ResponseEntity<?> json(
      HttpServletRequest http,
      @PathVariable String tenant,
      @PathVariable String entityId,
      @RequestBody byte[] body) {
    try {
      refuseAnonymous(http, TenantId.of(tenant));
    } catch (IllegalArgumentException e) {
      throw NgsiLdException.badRequestData(e.getMessage());
    }
    return answer(ingest(http, permit -> ingestion.attributes(tenant, entityId, body, permit)));
  }

  private static ResponseEntity<?> answer(IngestResult result) {
    return switch (result) {
      case IngestResult.Accepted a ->
          answer(HttpStatus.OK, "accepted", Map.of("tenant", a.tenant(), "entityId", a.entityId()));
      case IngestResult.Duplicate d -> answer(HttpStatus.OK, "duplicate", Map.of("key", d.key()));
      case IngestResult.Rejected r -> rejected(r);
    };
  }

  private static ResponseEntity<Map<String, Object>> answer(
      HttpStatus status, String outcome, Map<String, Object> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", outcome);
    body.putAll(details);
    return ResponseEntity.status(status).body(body);
  }

  /**
   * A rejection is an error like any other: a ProblemDetails, which keeps the members {@code
   * result} and {@code reason} of the webhook's other answers as extension members.
   */
  private static ResponseEntity<ObjectNode> rejected(IngestResult.Rejected rejected) {
    HttpStatus status =
        switch (rejected.reason()) {
          case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
          // The network server retries on 5xx: the uplink is not lost while the database is.
          case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
          default -> HttpStatus.BAD_REQUEST;
        };
    ErrorType type =
        status.is5xxServerError() ? ErrorType.INTERNAL_ERROR : ErrorType.BAD_REQUEST_DATA;
    ObjectNode body = ProblemDetails.body(type, status.value(), rejected.detail());
    body.put("result", "rejected");
    body.put("reason", rejected.reason().name());
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
    if (status.is5xxServerError()) {
      answer.header(HttpHeaders.RETRY_AFTER, ProblemDetails.RETRY_AFTER_SECONDS);
    }
    return answer.contentType(ProblemDetails.MEDIA_TYPE).body(body);
  }
}
