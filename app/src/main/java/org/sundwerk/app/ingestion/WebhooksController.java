package org.sundwerk.app.ingestion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sundwerk.ingestion.IngestResult;
import org.sundwerk.ingestion.Ingestion;

/**
 * Webhooks of the network servers: {@code POST /ingestion/chirpstack} (ChirpStack v4 HTTP
 * integration, which adds {@code ?event=up}), {@code POST /ingestion/ttn} (The Things Stack v3
 * webhook, uplink messages) and {@code POST /ingestion/json/{tenant}/{entityId}} (plain JSON, as
 * the MQTT topic). Accepted and duplicate messages answer 200, rejected ones 400 with the reason,
 * (422 when the broker refused the merge), so that the network server does not retry what can never
 * succeed.
 */
@RestController
@RequestMapping("/ingestion")
final class WebhooksController {

  private final Ingestion ingestion;

  WebhooksController(Ingestion ingestion) {
    this.ingestion = ingestion;
  }

  @PostMapping("/chirpstack")
  ResponseEntity<Map<String, Object>> chirpStack(
      @RequestParam("event") Optional<String> event, @RequestBody byte[] body) {
    if (event.isPresent() && !event.get().equals("up")) {
      // join, status, ack, txack, log and location events carry no readings.
      return answer(HttpStatus.OK, "ignored", Map.of("event", event.get()));
    }
    return answer(ingestion.chirpStack(body));
  }

  @PostMapping("/ttn")
  ResponseEntity<Map<String, Object>> thingsStack(@RequestBody byte[] body) {
    return answer(ingestion.thingsStack(body));
  }

  @PostMapping("/json/{tenant}/{entityId}")
  ResponseEntity<Map<String, Object>> json(
      @PathVariable String tenant, @PathVariable String entityId, @RequestBody byte[] body) {
    return answer(ingestion.attributes(tenant, entityId, body));
  }

  private static ResponseEntity<Map<String, Object>> answer(IngestResult result) {
    return switch (result) {
      case IngestResult.Accepted a ->
          answer(HttpStatus.OK, "accepted", Map.of("tenant", a.tenant(), "entityId", a.entityId()));
      case IngestResult.Duplicate d -> answer(HttpStatus.OK, "duplicate", Map.of("key", d.key()));
      case IngestResult.Rejected r ->
          answer(
              switch (r.reason()) {
                case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
                // The network server retries on 5xx: the uplink is not lost while the database is.
                case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
                default -> HttpStatus.BAD_REQUEST;
              },
              "rejected",
              Map.of("reason", r.reason().name(), "detail", r.detail()));
    };
  }

  private static ResponseEntity<Map<String, Object>> answer(
      HttpStatus status, String outcome, Map<String, Object> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", outcome);
    body.putAll(details);
    return ResponseEntity.status(status).body(body);
  }
}
