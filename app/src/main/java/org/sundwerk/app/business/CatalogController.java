package org.sundwerk.app.business;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.app.security.AccessGate;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.catalog.Category;
import org.sundwerk.business.catalog.LifeSituation;
import org.sundwerk.business.catalog.Season;
import org.sundwerk.business.catalog.Service;
import org.sundwerk.business.catalog.ServiceId;
import org.sundwerk.business.catalog.ServicePage;
import org.sundwerk.business.catalog.ServiceQuery;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.catalog.Stage;
import org.sundwerk.business.catalog.TargetGroup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tenant's service catalog over HTTP. Visitors search and read published services; members of the
 * provider partner submit and edit theirs (and read them before approval); operators approve, move
 * the lifecycle and compare canvases. Every call is decided by the gate; an unpublished service is
 * "not found" for whoever may not read it.
 */
@RestController
@RequestMapping(path = "/api/v1/{tenant}", produces = MediaType.APPLICATION_JSON_VALUE)
final class CatalogController {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final AccessGate gate;
  private final Services services;

  CatalogController(AccessGate gate, Services services) {
    this.gate = gate;
    this.services = services;
  }

  /**
   * Searches the catalog. Only published services, unless {@code include=unpublished}: for the
   * members of {@code provider} (their own) or for operators (all).
   */
  @GetMapping("/services")
  JsonNode search(
      HttpServletRequest http,
      @PathVariable String tenant,
      @RequestParam(defaultValue = "") String q,
      @RequestParam Optional<String> targetGroup,
      @RequestParam Optional<String> season,
      @RequestParam Optional<String> lifeSituation,
      @RequestParam Optional<String> category,
      @RequestParam Optional<String> stage,
      @RequestParam Optional<String> provider,
      @RequestParam(defaultValue = "") String include,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    TenantId id = TenantId.of(tenant);
    Optional<PartnerId> partner = provider.map(PartnerId::new);
    boolean all = "unpublished".equals(include);
    if (all) {
      gate.require(
          http,
          partner
              .map(p -> AccessRequest.ofPartner(id, Operation.READ, p))
              .orElse(AccessRequest.of(id, Operation.ADMIN, Resource.SERVICES)));
    } else {
      gate.require(http, AccessRequest.of(id, Operation.READ, Resource.SERVICES));
    }
    if (limit < 1 || limit > ServiceQuery.MAX_LIMIT || offset < 0) {
      throw BusinessProblem.invalid("limit is 1-" + ServiceQuery.MAX_LIMIT + ", offset 0 or more");
    }
    ServiceQuery query =
        new ServiceQuery(
            q,
            targetGroup.map(code -> CatalogJson.parse(TargetGroup.class, code)),
            season.map(code -> CatalogJson.parse(Season.class, code)),
            lifeSituation.map(code -> CatalogJson.parse(LifeSituation.class, code)),
            category.map(code -> CatalogJson.parse(Category.class, code)),
            stage.map(code -> CatalogJson.parse(Stage.class, code)),
            partner,
            !all,
            limit,
            offset);
    ServicePage page = services.search(id, query);
    ObjectNode answer = NODES.objectNode();
    answer.put("total", page.total()).put("limit", limit).put("offset", offset);
    ArrayNode list = answer.putArray("services");
    page.services().forEach(service -> list.add(CatalogJson.service(service, all)));
    return answer;
  }

  @GetMapping("/services/{id}")
  JsonNode get(HttpServletRequest http, @PathVariable String tenant, @PathVariable String id) {
    TenantId tenantId = TenantId.of(tenant);
    gate.require(http, AccessRequest.of(tenantId, Operation.READ, Resource.SERVICES));
    Service service = find(tenantId, id);
    boolean insider = mayRead(http, service);
    if (!service.published() && !insider) {
      throw notFound(id);
    }
    return CatalogJson.service(service, insider);
  }

  /** Submits a service of {@code provider}: {@code {"id", "provider", "name": {"de"}, ...}}. */
  @PostMapping("/services")
  ResponseEntity<JsonNode> create(
      HttpServletRequest http, @PathVariable String tenant, @RequestBody JsonNode body) {
    TenantId tenantId = TenantId.of(tenant);
    PartnerId provider = new PartnerId(CatalogJson.required(body, "provider"));
    gate.require(http, AccessRequest.ofPartner(tenantId, Operation.WRITE, provider));
    ServiceId id = new ServiceId(CatalogJson.required(body, "id"));
    Service created =
        services.create(
            tenantId,
            id,
            provider,
            CatalogJson.draft(body),
            gate.actor(http, tenantId).principal());
    return ResponseEntity.created(URI.create("/api/v1/" + tenant + "/services/" + id.value()))
        .body(CatalogJson.service(created, true));
  }

  /** Replaces what the provider wrote; the provider, stage and approval stay. */
  @PutMapping("/services/{id}")
  JsonNode edit(
      HttpServletRequest http,
      @PathVariable String tenant,
      @PathVariable String id,
      @RequestBody JsonNode body) {
    TenantId tenantId = TenantId.of(tenant);
    Service service = findFor(http, tenantId, id, Operation.WRITE);
    return CatalogJson.service(
        services.edit(tenantId, service.id(), CatalogJson.draft(body)), true);
  }

  /** Publishes a service (operators). */
  @PostMapping("/services/{id}/approve")
  JsonNode approve(HttpServletRequest http, @PathVariable String tenant, @PathVariable String id) {
    TenantId tenantId = TenantId.of(tenant);
    gate.require(http, AccessRequest.of(tenantId, Operation.ADMIN, Resource.SERVICES));
    return CatalogJson.service(services.approve(tenantId, find(tenantId, id).id()), true);
  }

  /** Moves a service's lifecycle (operators): {@code {"stage": "pilot", "reason": "..."}}. */
  @PostMapping("/services/{id}/lifecycle")
  JsonNode move(
      HttpServletRequest http,
      @PathVariable String tenant,
      @PathVariable String id,
      @RequestBody JsonNode body) {
    TenantId tenantId = TenantId.of(tenant);
    gate.require(http, AccessRequest.of(tenantId, Operation.ADMIN, Resource.SERVICES));
    Service service = find(tenantId, id);
    Stage stage = CatalogJson.parse(Stage.class, CatalogJson.required(body, "stage"));
    return CatalogJson.service(
        services.move(
            tenantId,
            service.id(),
            stage,
            gate.actor(http, tenantId).principal(),
            body.path("reason").asString("")),
        true);
  }

  /** The service's canvas and projection (members of the provider and operators). */
  @GetMapping("/services/{id}/canvas")
  JsonNode canvas(HttpServletRequest http, @PathVariable String tenant, @PathVariable String id) {
    TenantId tenantId = TenantId.of(tenant);
    Service service = findFor(http, tenantId, id, Operation.READ);
    return CatalogJson.canvas(service, services.canvas(tenantId, service.id()));
  }

  /** Replaces the service's canvas: {@code {"blocks": {...}, "figures": {...}}}. */
  @PutMapping("/services/{id}/canvas")
  JsonNode saveCanvas(
      HttpServletRequest http,
      @PathVariable String tenant,
      @PathVariable String id,
      @RequestBody JsonNode body) {
    TenantId tenantId = TenantId.of(tenant);
    Service service = findFor(http, tenantId, id, Operation.WRITE);
    return CatalogJson.canvas(
        service, services.saveCanvas(tenantId, service.id(), CatalogJson.canvas(body)));
  }

  /** The canvases of several services side by side (operators decide pilot → live so). */
  @GetMapping("/canvases")
  JsonNode compare(
      HttpServletRequest http, @PathVariable String tenant, @RequestParam List<String> service) {
    TenantId tenantId = TenantId.of(tenant);
    gate.require(http, AccessRequest.of(tenantId, Operation.ADMIN, Resource.SERVICES));
    if (service.size() > 10) {
      throw BusinessProblem.invalid("compare at most 10 services");
    }
    ArrayNode answer = NODES.arrayNode();
    for (String id : service.stream().distinct().toList()) {
      Service found = find(tenantId, id);
      answer.add(CatalogJson.canvas(found, services.canvas(tenantId, found.id())));
    }
    return answer;
  }

  /**
   * The service, for an {@code operation} on its provider's records. Whoever may not learn of it
   * (not signed in, or an unpublished service of another partner) is refused before it is sought.
   */
  private Service findFor(
      HttpServletRequest http, TenantId tenant, String id, Operation operation) {
    gate.require(http, AccessRequest.of(tenant, Operation.WRITE, Resource.SERVICES));
    Service service = find(tenant, id);
    gate.require(http, AccessRequest.ofPartner(tenant, operation, service.provider()));
    return service;
  }

  private boolean mayRead(HttpServletRequest http, Service service) {
    return gate.decide(
            gate.actor(http, service.tenant()),
            AccessRequest.ofPartner(service.tenant(), Operation.READ, service.provider()))
        .allowed();
  }

  private Service find(TenantId tenant, String id) {
    return services.find(tenant, serviceId(id)).orElseThrow(() -> notFound(id));
  }

  private static ServiceId serviceId(String id) {
    try {
      return new ServiceId(id);
    } catch (IllegalArgumentException e) {
      throw notFound(id);
    }
  }

  private static BusinessProblem notFound(String id) {
    return BusinessProblem.notFound("no service " + id + " in this catalog");
  }
}
