package org.sundwerk.portal.search;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalProperties;

/**
 * The search page {@code /suche?q=...} (optionally {@code &tenant=...}): a GET form and the
 * results, grouped by kind (places, services, pages), in the reader's language.
 */
@Controller
final class SearchController {

  /** The longest excerpt shown under a result, in characters. */
  static final int EXCERPT = 180;

  private final SearchIndex index;
  private final PortalAccess access;
  private final PortalProperties portal;
  private final SearchProperties properties;

  SearchController(
      SearchIndex index,
      PortalAccess access,
      PortalProperties portal,
      SearchProperties properties) {
    this.index = index;
    this.access = access;
    this.portal = portal;
    this.properties = properties;
  }

  /**
   * One result as shown.
   *
   * @param external whether the link leaves the portal
   */
  record Hit(String title, String excerpt, String url, boolean external) {}

  /** The results of one kind, e.g. key {@code place}. */
  record Group(String key, List<Hit> hits) {}

  @GetMapping("/suche")
  String search(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam Optional<String> tenant,
      HttpServletRequest http,
      Model model,
      Locale locale) {
    access.page(http);
    String chosen = tenant.filter(t -> !t.isBlank()).orElse(portal.defaultTenant());
    SearchQuery query = SearchQuery.parse(q);
    List<SearchDocument> found = index.search(chosen, query, properties.maxResults());
    boolean english = "en".equals(locale.getLanguage());
    Map<SearchKind, List<Hit>> byKind = new EnumMap<>(SearchKind.class);
    for (SearchDocument document : found) {
      byKind.computeIfAbsent(document.kind(), k -> new ArrayList<>()).add(hit(document, english));
    }
    List<Group> groups = new ArrayList<>();
    byKind.forEach((kind, hits) -> groups.add(new Group(kind.key(), hits)));
    model.addAttribute("tenant", chosen);
    model.addAttribute("tenantChosen", tenant.filter(t -> !t.isBlank()).isPresent());
    model.addAttribute("query", query.text());
    model.addAttribute("asked", !query.text().isEmpty());
    model.addAttribute("tooShort", query.tooShort());
    model.addAttribute("searched", query.searchable());
    model.addAttribute("count", found.size());
    model.addAttribute("groups", groups);
    model.addAttribute("maxLength", SearchQuery.MAX_CHARS);
    return "search/search";
  }

  private static Hit hit(SearchDocument document, boolean english) {
    return new Hit(
        english ? document.titleEn() : document.titleDe(),
        excerpt(english ? document.textEn() : document.textDe()),
        document.url(),
        !document.url().startsWith("/"));
  }

  /** The text, cut after the last whole word that fits into {@link #EXCERPT} characters. */
  static String excerpt(String text) {
    if (text.length() <= EXCERPT) {
      return text;
    }
    int end = text.lastIndexOf(' ', EXCERPT);
    return text.substring(0, end > EXCERPT / 2 ? end : EXCERPT).strip() + " …";
  }
}
