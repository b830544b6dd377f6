package org.sundwerk.app.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.Operation;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.audit.AuditEvent;
import org.sundwerk.access.audit.AuditLog;
import org.sundwerk.app.security.AccessGate;
import org.sundwerk.app.security.AuditTrail;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit log of one tenant for its operators ({@link Resource#AUDIT}, decided by the gate):
 * {@code GET /api/v1/audit?tenant=&from=&to=&limit=}, newest first. {@code from} and {@code to} are
 * ISO-8601 instants ({@code [from, to)}, default: everything until now); {@code limit} 1 to {@value
 * #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}. Events still buffered are written first, so an
 * operator sees the writes answered before the query.
 */
@RestController
final class AuditController {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final AccessGate gate;
  private final AuditLog log;
  private final AuditTrail trail;
  private final Clock clock;

  AuditController(AccessGate gate, AuditLog log, AuditTrail trail, Clock clock) {
    this.gate = gate;
    this.log = log;
    this.trail = trail;
    this.clock = clock;
  }

  @GetMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
  ArrayNode audit(
      HttpServletRequest http,
      @RequestParam(defaultValue = "") String tenant,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
    TenantId tenantId = TenantId.of(tenant);
    gate.require(http, AccessRequest.of(tenantId, Operation.READ, Resource.AUDIT));
    if (limit < 1 || limit > MAX_LIMIT) {
      throw AdminProblem.badRequest("limit is 1 to " + MAX_LIMIT);
    }
    Instant start = from == null ? Instant.EPOCH : instant("from", from);
    Instant end = to == null ? clock.instant().plusMillis(1) : instant("to", to);
    trail.flush();
    ArrayNode events = JsonNodeFactory.instance.arrayNode();
    for (AuditEvent event : log.query(tenantId, start, end, limit)) {
      ObjectNode item = events.addObject();
      item.put("at", event.at().toString());
      item.put("actor", event.actor());
      item.put("tenant", event.tenant().name());
      item.put("action", event.action());
      item.put("target", event.target());
      item.put("source", event.source());
    }
    return events;
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw AdminProblem.badRequest(name + " is an ISO-8601 instant, e.g. 2026-12-03T00:00:00Z");
    }
  }
}
