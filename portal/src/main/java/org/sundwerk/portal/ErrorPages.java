package org.sundwerk.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal's error pages (404, 500 and the rest) in its layout and the reader's language, for the
 * app's error controller to answer browsers on portal paths; API paths keep their JSON.
 */
@Component
public final class ErrorPages {

  private final Pages pages;

  ErrorPages(Pages pages) {
    this.pages = pages;
  }

  /** The page for {@code status}, answered with that status. */
  public ModelAndView page(HttpServletRequest http, int status, Locale locale) {
    ModelAndView page = new ModelAndView("error/page");
    pages.layout(http, locale, page::addObject);
    String kind =
        status == 404 || status == 403 ? String.valueOf(status) : status >= 500 ? "500" : "other";
    page.addObject("errorKind", kind);
    page.addObject("status", status);
    page.setStatus(HttpStatusCode.valueOf(status));
    return page;
  }
}
