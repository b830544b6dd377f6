package org.sundwerk.portal.offer;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.portal.ErrorPages;

/** A refused business step on an offer page: the portal's error page with its status. */
@ControllerAdvice(basePackageClasses = OfferAdvice.class)
final class OfferAdvice {

  private final ErrorPages pages;

  OfferAdvice(ErrorPages pages) {
    this.pages = pages;
  }

  @ExceptionHandler(BusinessProblem.class)
  ModelAndView refused(BusinessProblem problem, HttpServletRequest http, Locale locale) {
    int status =
        switch (problem.kind()) {
          case NOT_FOUND -> 404;
          case CONFLICT -> 409;
          case INVALID -> 400;
        };
    return pages.page(http, status, locale);
  }
}
