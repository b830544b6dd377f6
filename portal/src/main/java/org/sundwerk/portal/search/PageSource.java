package org.sundwerk.portal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.sundwerk.portal.PortalProperties;

/**
 * The portal's own pages as search documents: each page's heading and a few of its texts, from the
 * same messages the page shows, in German and English. A page is one line in {@link #PAGES}; a page
 * whose title message is missing is left out. Pages with texts of their own (legal pages, editable
 * per tenant) belong in a source of their own: a page is indexed by one source only.
 */
@Component
final class PageSource implements SearchSource {

  /**
   * One page.
   *
   * @param path its path; the map also gets the tenant
   * @param title the message key of its heading
   * @param texts the message keys of texts on it that should find it
   */
  record Page(String path, String title, List<String> texts) {}

  static final List<Page> PAGES =
      List.of(
          new Page(
              "/",
              "portal.heading",
              List.of(
                  "portal.intro",
                  "portal.list",
                  "kind.parking",
                  "kind.water",
                  "kind.beach",
                  "kind.air",
                  "kind.weather",
                  "kind.waste",
                  "kind.charging",
                  "kind.bike",
                  "kind.museum",
                  "kind.sight",
                  "kind.event")),
          new Page("/einwohner", "door.einwohner.title", List.of("door.einwohner.intro")),
          new Page("/touristen", "door.touristen.title", List.of("door.touristen.intro")),
          new Page("/senioren", "door.senioren.title", List.of("door.senioren.intro")),
          new Page("/familien", "door.familien.title", List.of("door.familien.intro")),
          new Page("/unternehmen", "door.unternehmen.title", List.of("door.unternehmen.intro")),
          new Page("/login", "login.heading", List.of("login.forgot", "login.register")),
          new Page("/register", "register.heading", List.of("register.intro")),
          new Page("/password/forgot", "forgot.title", List.of("forgot.intro")),
          new Page(
              "/account",
              "account.heading",
              List.of(
                  "keys.heading", "export.heading", "delete.heading", "password.change.heading")));

  private final MessageSource messages;
  private final PortalProperties portal;

  PageSource(MessageSource messages, PortalProperties portal) {
    this.messages = messages;
    this.portal = portal;
  }

  @Override
  public Stream<SearchDocument> documents(String tenant) {
    List<SearchDocument> documents = new ArrayList<>();
    for (Page page : PAGES) {
      Optional<String> titleDe = text(page.title(), Locale.GERMAN);
      if (titleDe.isEmpty()) {
        continue;
      }
      documents.add(
          new SearchDocument(
              SearchKind.PAGE,
              page.path(),
              url(page, tenant),
              titleDe.get(),
              text(page.title(), Locale.ENGLISH).orElse(titleDe.get()),
              texts(page, Locale.GERMAN),
              texts(page, Locale.ENGLISH)));
    }
    return documents.stream();
  }

  private String url(Page page, String tenant) {
    if (!page.path().equals("/") || tenant.equals(portal.defaultTenant())) {
      return page.path();
    }
    return UriComponentsBuilder.fromPath("/").queryParam("tenant", tenant).encode().toUriString();
  }

  private String texts(Page page, Locale locale) {
    List<String> texts = new ArrayList<>();
    page.texts().forEach(key -> text(key, locale).ifPresent(texts::add));
    return String.join(" · ", texts);
  }

  private Optional<String> text(String key, Locale locale) {
    return Optional.ofNullable(messages.getMessage(key, null, null, locale));
  }
}
