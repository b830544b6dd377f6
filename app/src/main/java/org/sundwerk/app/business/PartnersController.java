package org.sundwerk.app.business;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.app.security.AccessGate;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.partner.Onboarding;
import org.sundwerk.business.partner.Partner;
import org.sundwerk.business.partner.PartnerStatus;
import org.sundwerk.business.partner.PartnerStep;
import org.sundwerk.business.partner.PartnerTerms;
import org.sundwerk.business.partner.Partners;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Partners of a tenant over HTTP ({@code /api/v1/{tenant}/partners}). Every call is decided by the
 * gate: applying needs any signed-in actor; reviewing, suspending and reinstating an operator
 * ({@code ADMIN} on {@code SERVICES}); a partner's full record, history and members its members or
 * an operator; accepting terms, leaving and managing members an owner of the partner. Anyone reads
 * the public profile of active partners; a partner that is not active is not found for them.
 */
@RestController
@RequestMapping(path = "/api/v1/{tenant}", produces = MediaType.APPLICATION_JSON_VALUE)
final class PartnersController {

  private final AccessGate gate;
  private final Partners partners;
  private final Onboarding onboarding;

  PartnersController(AccessGate gate, Partners partners, Onboarding onboarding) {
    this.gate = gate;
    this.partners = partners;
    this.onboarding = onboarding;
  }

  /**
   * Applies to become a partner; the body is the profile (see {@link PartnerJson#profile}) and an
   * optional {@code id} (a slug; default made from the display name). The caller's account becomes
   * the owner once an operator approves.
   */
  @PostMapping("/partners")
  ResponseEntity<ObjectNode> apply(
      HttpServletRequest http, @PathVariable String tenant, @RequestBody JsonNode body) {
    TenantId in = TenantId.of(tenant);
    gate.require(http, AccessRequest.of(in, Operation.WRITE, Resource.SERVICES));
    Actor actor = gate.actor(http, in);
    AccountId applicant =
        accountOf(actor)
            .orElseThrow(() -> BusinessProblem.invalid("applying needs a signed-in account"));
    String displayName = PartnerJson.text(body, "displayName");
    PartnerId id =
        PartnerJson.optional(body, "id")
            .map(PartnerId::new)
            .orElseGet(() -> Partners.slugOf(displayName));
    Partner partner =
        partners.apply(in, id, PartnerJson.profile(body), applicant, actor.principal());
    return ResponseEntity.created(
            URI.create("/api/v1/" + tenant + "/partners/" + partner.id().value()))
        .body(PartnerJson.full(partner));
  }

  /**
   * Operators get every partner (optionally {@code ?status=applied}) in full; anyone else the
   * public profiles of the active ones.
   */
  @GetMapping("/partners")
  ArrayNode list(
      HttpServletRequest http, @PathVariable String tenant, @RequestParam Optional<String> status) {
    TenantId in = TenantId.of(tenant);
    gate.require(http, AccessRequest.of(in, Operation.READ, Resource.SERVICES));
    if (operates(http, in)) {
      Optional<PartnerStatus> filter =
          status.map(value -> PartnerJson.enumOf(PartnerStatus.class, value));
      return PartnerJson.array(partners.list(in, filter), PartnerJson::full);
    }
    return PartnerJson.array(
        partners.list(in, Optional.of(PartnerStatus.ACTIVE)), PartnerJson::publicProfile);
  }

  /** The full record for members and operators; the public profile of an active partner else. */
  @GetMapping("/partners/{id}")
  ObjectNode get(HttpServletRequest http, @PathVariable String tenant, @PathVariable String id) {
    TenantId in = TenantId.of(tenant);
    PartnerId partner = new PartnerId(id);
    gate.require(http, AccessRequest.of(in, Operation.READ, Resource.SERVICES));
    boolean insider =
        gate.decide(gate.actor(http, in), AccessRequest.ofPartner(in, Operation.READ, partner))
            .allowed();
    Partner found =
        partners
            .find(in, partner)
            .filter(p -> insider || p.status() == PartnerStatus.ACTIVE)
            .orElseThrow(() -> BusinessProblem.notFound("no partner " + id));
    return insider ? PartnerJson.full(found) : PartnerJson.publicProfile(found);
  }

  /** An operator decides an application: {@code {"decision": "approve|reject", "reason"}}. */
  @PostMapping("/partners/{id}/review")
  ObjectNode review(
      HttpServletRequest http,
      @PathVariable String tenant,
      @PathVariable String id,
      @RequestBody JsonNode body) {
    TenantId in = TenantId.of(tenant);
    gate.require(http, AccessRequest.of(in, Operation.ADMIN, Resource.SERVICES));
    String actor = gate.actor(http, in).principal();
    Optional<String> reason = PartnerJson.optional(body, "reason");
    Partner decided =
        switch (PartnerJson.text(body, "decision")) {
          case "approve" -> onboarding.approve(in, new PartnerId(id), actor, reason);
          case "reject" -> partners.step(in, new PartnerId(id), PartnerStep.REJECT, actor, reason);
          default -> throw BusinessProblem.invalid("decision is approve or reject");
        };
    return PartnerJson.full(decided);
  }

  /** The owner accepts the terms in force: {@code {"version": 1}}. */
  @PostMapping("/partners/{id}/terms")
  ObjectNode acceptTerms(
      HttpServletRequest http,
      @PathVariable String tenant,
      @PathVariable String id,
      @RequestBody JsonNode body) {
    TenantId in = TenantId.of(tenant);
    PartnerId partner = new PartnerId(id);
    AccountId owner = gate.requireOwner(http, in, partner);
    if (!body.path("version").canConvertToInt()) {
      throw BusinessProblem.invalid("version is the number of the terms accepted");
    }
    return PartnerJson.full(
        partners.acceptTerms(
            in, partner, body.path("version").asInt(), owner, gate.actor(http, in).principal()));
  }

  /** An operator suspends an active partner: {@code {"reason"}}. */
  @PostMapping("/partners/{id}/suspend")
  ObjectNode suspend(
      HttpServletRequest http,
      @PathVariable String tenant,
      @PathVariable String id,
      @RequestBody JsonNode body) {
    return operatorStep(http, tenant, id, PartnerStep.SUSPEND, body);
  }

  /** An operator reinstates a suspended partner: {@code {"reason"}}. */
  @PostMapping("/partners/{id}/reinstate")
  ObjectNode reinstate(
      HttpServletRequest http,
      @PathVariable String tenant,
      @PathVariable String id,
      @RequestBody JsonNode body) {
    return operatorStep(http, tenant, id, PartnerStep.REINSTATE, body);
  }

  /** The owner ends the partnership ({@code {"reason"}} optional); members lose their roles. */
  @PostMapping("/partners/{id}/leave")
  ObjectNode leave(
      HttpServletRequest http,
      @PathVariable String tenant,
      @PathVariable String id,
      @RequestBody(required = false) JsonNode body) {
    TenantId in = TenantId.of(tenant);
    PartnerId partner = new PartnerId(id);
    gate.requireOwner(http, in, partner);
    Optional<String> reason =
        body == null ? Optional.empty() : PartnerJson.optional(body, "reason");
    return PartnerJson.full(
        onboarding.leave(in, partner, gate.actor(http, in).principal(), reason));
  }

  /** Every step of the partner's onboarding, oldest first. */
  @GetMapping("/partners/{id}/history")
  ArrayNode history(HttpServletRequest http, @PathVariable String tenant, @PathVariable String id) {
    TenantId in = TenantId.of(tenant);
    return PartnerJson.array(partners.history(in, readable(http, in, id)), PartnerJson::transition);
  }

  @GetMapping("/partners/{id}/members")
  ArrayNode members(HttpServletRequest http, @PathVariable String tenant, @PathVariable String id) {
    TenantId in = TenantId.of(tenant);
    return PartnerJson.array(onboarding.members(in, readable(http, in, id)), PartnerJson::member);
  }

  /** An owner adds a verified account: {@code {"email", "role": "owner|editor|viewer"}}. */
  @PostMapping("/partners/{id}/members")
  ResponseEntity<ObjectNode> addMember(
      HttpServletRequest http,
      @PathVariable String tenant,
      @PathVariable String id,
      @RequestBody JsonNode body) {
    TenantId in = TenantId.of(tenant);
    PartnerId partner = new PartnerId(id);
    gate.requireOwner(http, in, partner);
    PartnerRole role = PartnerJson.enumOf(PartnerRole.class, PartnerJson.text(body, "role"));
    return ResponseEntity.status(201)
        .body(
            PartnerJson.member(onboarding.add(in, partner, PartnerJson.text(body, "email"), role)));
  }

  @DeleteMapping("/partners/{id}/members/{account}")
  ResponseEntity<Void> removeMember(
      HttpServletRequest http,
      @PathVariable String tenant,
      @PathVariable String id,
      @PathVariable String account) {
    TenantId in = TenantId.of(tenant);
    PartnerId partner = new PartnerId(id);
    gate.requireOwner(http, in, partner);
    onboarding.remove(in, partner, new AccountId(account));
    return ResponseEntity.noContent().build();
  }

  /** The partner terms in force, for anyone to read before applying. */
  @GetMapping("/partner-terms/current")
  ObjectNode currentTerms(HttpServletRequest http, @PathVariable String tenant) {
    TenantId in = TenantId.of(tenant);
    gate.require(http, AccessRequest.of(in, Operation.READ, Resource.SERVICES));
    return PartnerJson.terms(
        partners
            .currentTerms(in)
            .orElseThrow(() -> BusinessProblem.notFound("no partner terms are in force")));
  }

  /**
   * An operator publishes the next version of the tenant's partner terms: {@code {"version",
   * "effective": "2026-01-01", "text": {"de", "en"}}} (Markdown). Published versions never change.
   */
  @PostMapping("/partner-terms")
  ResponseEntity<ObjectNode> publishTerms(
      HttpServletRequest http, @PathVariable String tenant, @RequestBody JsonNode body) {
    TenantId in = TenantId.of(tenant);
    gate.require(http, AccessRequest.of(in, Operation.ADMIN, Resource.SERVICES));
    PartnerTerms terms = PartnerJson.termsOf(body);
    partners.publishTerms(in, terms);
    return ResponseEntity.status(201).body(PartnerJson.terms(terms));
  }

  private ObjectNode operatorStep(
      HttpServletRequest http, String tenant, String id, PartnerStep step, JsonNode body) {
    TenantId in = TenantId.of(tenant);
    gate.require(http, AccessRequest.of(in, Operation.ADMIN, Resource.SERVICES));
    return PartnerJson.full(
        partners.step(
            in,
            new PartnerId(id),
            step,
            gate.actor(http, in).principal(),
            PartnerJson.optional(body, "reason")));
  }

  /** The partner {@code id}, once the gate let its members or an operator read its records. */
  private PartnerId readable(HttpServletRequest http, TenantId tenant, String id) {
    PartnerId partner = new PartnerId(id);
    gate.require(http, AccessRequest.ofPartner(tenant, Operation.READ, partner));
    return partner;
  }

  private boolean operates(HttpServletRequest http, TenantId tenant) {
    return gate.decide(
            gate.actor(http, tenant), AccessRequest.of(tenant, Operation.ADMIN, Resource.SERVICES))
        .allowed();
  }

  /** The account behind the actor (a key's owner's); empty for anonymous and the bootstrap key. */
  static Optional<AccountId> accountOf(Actor actor) {
    return switch (actor) {
      case Actor.Resident resident -> Optional.of(resident.account());
      case Actor.PartnerMember member -> Optional.of(member.account());
      case Actor.TenantOperator operator -> Optional.of(operator.account());
      case Actor.PlatformOperator platform -> platform.account();
      case Actor.ApiKey key -> accountOf(key.owner());
      case Actor.Anonymous anonymous -> Optional.empty();
    };
  }
}
