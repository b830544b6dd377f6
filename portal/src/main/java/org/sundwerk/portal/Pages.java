package org.sundwerk.portal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import org.sundwerk.access.account.Accounts;

/**
 * What the layout ({@code templates/layout.html}) needs on every portal page: the language, the
 * link that switches it on the same page, and who is signed in; and the answer to a refused page.
 */
@ControllerAdvice(basePackages = "org.sundwerk.portal")
final class Pages {

  private final PortalAccess access;
  private final Accounts accounts;

  Pages(PortalAccess access, Accounts accounts) {
    this.access = access;
    this.accounts = accounts;
  }

  @ModelAttribute
  void layout(HttpServletRequest http, Locale locale, Model model) {
    layout(http, locale, model::addAttribute);
  }

  /**
   * Adds what the layout shows to {@code model}: also for error pages, where the request is the
   * container's error dispatch and the visitor's path is the original one.
   */
  void layout(
      HttpServletRequest http, Locale locale, java.util.function.BiConsumer<String, Object> model) {
    String lang = "en".equals(locale.getLanguage()) ? "en" : "de";
    String other = lang.equals("en") ? "de" : "en";
    model.accept("lang", lang);
    model.accept("otherLang", other);
    model.accept("currentPath", path(http));
    model.accept("languageUrl", sameUrlIn(http, other));
    model.accept(
        "signedIn",
        access.signedIn(http).flatMap(accounts::find).map(a -> a.displayName()).orElse(null));
  }

  /** The visitor's path: the original one on the container's error dispatch. */
  private static String path(HttpServletRequest http) {
    Object original = http.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = original instanceof String uri ? uri : http.getRequestURI();
    return path.replaceFirst("^/+", "/");
  }

  /**
   * The request's path and query with {@code lang} replaced; a path, never an absolute URL (a
   * request path "//host" would otherwise become a link to another site).
   */
  private static String sameUrlIn(HttpServletRequest http, String lang) {
    boolean error = http.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String;
    Object query =
        error ? http.getAttribute(RequestDispatcher.ERROR_QUERY_STRING) : http.getQueryString();
    try {
      return UriComponentsBuilder.fromUriString(path(http) + (query == null ? "" : "?" + query))
          .replaceQueryParam("lang", lang)
          .build()
          .toUriString();
    } catch (IllegalArgumentException unparseable) {
      return UriComponentsBuilder.fromPath("/").queryParam("lang", lang).build().toUriString();
    }
  }

  /** Exception handlers get a model of their own: the layout's attributes are added again. */
  @ExceptionHandler(PortalDenied.class)
  String denied(
      PortalDenied denied,
      HttpServletRequest http,
      HttpServletResponse response,
      Locale locale,
      Model model) {
    if (denied.signInRequired()) {
      return "redirect:/login";
    }
    layout(http, locale, model);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "denied";
  }
}
