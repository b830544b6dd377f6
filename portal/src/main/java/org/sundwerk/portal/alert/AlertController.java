package org.sundwerk.portal.alert;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.sundwerk.access.Operation;
import org.sundwerk.access.TenantId;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.paging.Paging;
import org.sundwerk.broker.subscription.SubscriptionOwner;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalGate;
import org.sundwerk.portal.PortalProperties;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Following places and warnings: the "Folgen" button of a place ({@code POST /folgen}, the fragment
 * {@code alert/follow :: button(id)}), one's follows at {@code /konto/benachrichtigungen} (follow a
 * warning of a municipality, remove a follow), and the one-click unsubscribe of the mails at {@code
 * /abbestellen} (GET asks, POST removes; no sign-in, the link's token is the key, and the POST also
 * answers a mail program's RFC 8058 one-click request, exempt from CSRF tokens for that). Who may
 * follow decides {@code PortalGate#decideFollow}.
 */
@Controller
final class AlertController {

  static final String PAGE = "/konto/benachrichtigungen";

  private final Follows follows;
  private final PortalAccess access;
  private final PortalGate gate;
  private final ContextResolver contexts;
  private final PortalProperties portal;

  AlertController(
      Follows follows,
      PortalAccess access,
      PortalGate gate,
      ContextResolver contexts,
      PortalProperties portal) {
    this.follows = follows;
    this.access = access;
    this.gate = gate;
    this.contexts = contexts;
    this.portal = portal;
  }

  /** One row of the list. */
  record Row(
      String tenant,
      String id,
      String warning,
      String name,
      String municipality,
      String since,
      boolean whole) {}

  @GetMapping(PAGE)
  String list(HttpServletRequest http, Locale locale, Model model) {
    String party = access.followerParty(http, Operation.READ);
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    ZoneId zone = portal.zone();
    List<Row> rows = new ArrayList<>();
    for (PortalProperties.Municipality m : portal.municipalities()) {
      for (Follow f : follows.of(m.tenant(), party)) {
        rows.add(
            new Row(
                f.tenant(),
                f.id(),
                f.warning().key(),
                f.name(),
                m.name(),
                format.format(f.since().atZone(zone)),
                f.place().isEmpty()));
      }
    }
    rows.sort(Comparator.comparing(Row::municipality).thenComparing(Row::name));
    model.addAttribute("follows", rows);
    model.addAttribute("warnings", Warning.warnings().stream().map(Warning::key).toList());
    model.addAttribute("municipalities", portal.municipalities());
    return "alert/follows";
  }

  /** Follows a warning in a whole municipality. */
  @PostMapping(PAGE)
  String followWarning(
      @RequestParam(defaultValue = "") String warning,
      @RequestParam(name = "m", defaultValue = "") String tenant,
      HttpServletRequest http,
      Locale locale,
      RedirectAttributes redirect) {
    Optional<Warning> chosen = Warning.ofKey(warning).filter(Warning.warnings()::contains);
    Optional<PortalProperties.Municipality> municipality = municipality(tenant);
    if (chosen.isEmpty() || municipality.isEmpty()) {
      access.account(http, Operation.WRITE);
      redirect.addFlashAttribute("error", "alert.error.choose");
      return "redirect:" + PAGE;
    }
    String type = terms(chosen.get()).expand(chosen.get().typeTerm());
    SubscriptionOwner owner = access.follower(http, TenantId.of(tenant), Set.of(type));
    return followed(
        http,
        locale,
        redirect,
        tenant,
        owner,
        chosen.get(),
        Optional.empty(),
        municipality.get().name());
  }

  /** Follows one place: its warning when its type has one, else any change (daily at most). */
  @PostMapping("/folgen")
  String followPlace(
      @RequestParam(defaultValue = "") String id,
      @RequestParam(name = "m", defaultValue = "") String tenant,
      HttpServletRequest http,
      Locale locale,
      RedirectAttributes redirect) {
    String chosenTenant = tenant.isBlank() ? portal.defaultTenant() : tenant;
    Optional<Entity> place =
        municipality(chosenTenant).isEmpty() ? Optional.empty() : place(chosenTenant, id);
    if (place.isEmpty()) {
      access.account(http, Operation.WRITE);
      redirect.addFlashAttribute("error", "alert.error.place");
      return "redirect:" + PAGE;
    }
    Entity entity = place.get();
    Warning warning =
        Warning.warnings().stream()
            .filter(w -> entity.types().contains(terms(w).expand(w.typeTerm())))
            .findFirst()
            .orElse(Warning.CHANGES);
    String type =
        warning == Warning.CHANGES
            ? entity.types().getFirst()
            : terms(warning).expand(warning.typeTerm());
    SubscriptionOwner owner = access.follower(http, TenantId.of(chosenTenant), Set.of(type));
    return followed(
        http,
        locale,
        redirect,
        chosenTenant,
        owner,
        warning,
        Optional.of(new Follows.Place(entity.id(), type)),
        name(entity, warning).orElse(entity.id()));
  }

  private String followed(
      HttpServletRequest http,
      Locale locale,
      RedirectAttributes redirect,
      String tenant,
      SubscriptionOwner owner,
      Warning warning,
      Optional<Follows.Place> place,
      String name) {
    String base = ServletUriComponentsBuilder.fromContextPath(http).build().toUriString();
    try {
      Follow follow = follows.follow(tenant, owner, warning, place, name, locale, base);
      redirect.addFlashAttribute("followed", follow.name());
      redirect.addFlashAttribute("followedWarning", follow.warning().key());
    } catch (IllegalStateException e) {
      redirect.addFlashAttribute("error", "alert.error.tooMany");
    }
    return "redirect:" + PAGE;
  }

  /** Removes one of one's own follows. */
  @PostMapping(PAGE + "/entfernen")
  String remove(
      @RequestParam(name = "m", defaultValue = "") String tenant,
      @RequestParam(name = "s", defaultValue = "") String id,
      HttpServletRequest http,
      RedirectAttributes redirect) {
    String party = access.followerParty(http, Operation.WRITE);
    Optional<Follow> follow = follows.find(tenant, id).flatMap(s -> Follow.of(tenant, s));
    if (follow.isPresent() && follows.remove(tenant, id, party)) {
      redirect.addFlashAttribute("removed", follow.get().name());
    }
    return "redirect:" + PAGE;
  }

  /** The page the mail's unsubscribe link opens: asks before removing. */
  @GetMapping("/abbestellen")
  String unsubscribePage(
      @RequestParam(name = "m", defaultValue = "") String tenant,
      @RequestParam(name = "s", defaultValue = "") String id,
      @RequestParam(name = "t", defaultValue = "") String token,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    access.page(http);
    Optional<Follow> follow = follows.byToken(tenant, id, token);
    if (follow.isEmpty()) {
      response.setStatus(404);
      model.addAttribute("state", "invalid");
      return "alert/unsubscribe";
    }
    model.addAttribute("state", "confirm");
    model.addAttribute("followName", follow.get().name());
    model.addAttribute("followWarning", follow.get().warning().key());
    model.addAttribute("params", Map.of("m", tenant, "s", id, "t", token));
    return "alert/unsubscribe";
  }

  /** Removes the follow of the link: from the confirm page, or a mail program's one-click POST. */
  @PostMapping("/abbestellen")
  String unsubscribe(
      @RequestParam(name = "m", defaultValue = "") String tenant,
      @RequestParam(name = "s", defaultValue = "") String id,
      @RequestParam(name = "t", defaultValue = "") String token,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    access.page(http);
    Optional<Follow> follow = follows.byToken(tenant, id, token);
    if (follow.isEmpty() || !follows.delete(tenant, id)) {
      response.setStatus(404);
      model.addAttribute("state", "invalid");
      return "alert/unsubscribe";
    }
    model.addAttribute("state", "done");
    model.addAttribute("followName", follow.get().name());
    model.addAttribute("followWarning", follow.get().warning().key());
    // A place can be followed again at once (sign-in needed): the place's own follow button.
    follow.get().place().ifPresent(place -> model.addAttribute("placeId", place));
    model.addAttribute("tenant", tenant);
    return "alert/unsubscribe";
  }

  private Optional<PortalProperties.Municipality> municipality(String tenant) {
    return portal.municipalities().stream().filter(m -> m.tenant().equals(tenant)).findFirst();
  }

  /** The place as anonymous readers see it: only public places can be followed. */
  private Optional<Entity> place(String tenant, String id) {
    if (id.isBlank() || id.length() > 512) {
      return Optional.empty();
    }
    try {
      EntityQuery query =
          new EntityQuery(
              Optional.empty(),
              List.of(id),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Set.of(),
              Paging.first(1));
      return gate.publicEntities(TenantId.of(tenant), query).stream().findFirst();
    } catch (NgsiLdException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private TermDictionary terms(Warning warning) {
    return warning == Warning.CHANGES
        ? contexts.defaultDictionary()
        : contexts.resolve(JsonNodeFactory.instance.stringNode(warning.contextUrl()));
  }

  /** The place's {@code name}, in its type's context or, failing that, the core context's. */
  private Optional<String> name(Entity entity, Warning warning) {
    for (String iri :
        List.of(terms(warning).expand("name"), contexts.defaultDictionary().expand("name"))) {
      Optional<String> name =
          entity
              .defaultInstance(iri)
              .map(Attribute::value)
              .filter(v -> v.isString())
              .map(v -> v.asString())
              .filter(v -> !v.isBlank());
      if (name.isPresent()) {
        return name;
      }
    }
    return Optional.empty();
  }
}
