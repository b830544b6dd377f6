package org.sundwerk.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;
import org.sundwerk.app.security.SecurityConfiguration;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.portal.ErrorPages;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the servlet container sends every error that no controller answered (no route, a method or
 * media type no route takes, an exception in a filter): a ProblemDetails in place of Spring Boot's
 * generic error JSON. Replaces Boot's {@code BasicErrorController}. A request to {@code /error}
 * itself is answered 404, as for any other path that is no resource. Browsers asking for a portal
 * path get the portal's error page instead (German or English, in the portal's layout).
 */
@RestController
@RequestMapping("${server.error.path:/error}")
final class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  /** The resources of this broker, named when a client asks for one under /ngsi-ld/ it lacks. */
  static final String SERVED =
      "this broker serves /ngsi-ld/v1/entities, /entityOperations, /temporal/entities,"
          + " /subscriptions, /types, /attributes and /jsonldContexts; context source"
          + " registrations and subscriptions (/csourceRegistrations, /csourceSubscriptions),"
          + " distributed operations and snapshots are not supported";

  /** Servlet 6.1's attribute for the method of the failed request (an error dispatch is a GET). */
  private static final String ERROR_METHOD = "jakarta.servlet.error.method";

  private final ErrorPages errorPages;

  ProblemErrorController(ErrorPages errorPages) {
    this.errorPages = errorPages;
  }

  /**
   * Browsers (they ask for {@code text/html}) get the portal's error page on portal paths, in its
   * layout and their language; API paths answer ProblemDetails JSON to them too.
   */
  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(HttpServletRequest request, HttpServletResponse response, Locale locale)
      throws IOException {
    ResponseEntity<ObjectNode> problem = error(request, response);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri == null
        || SecurityConfiguration.API_PREFIXES.stream().anyMatch(uri.toString()::startsWith)) {
      response.setStatus(problem.getStatusCode().value());
      problem
          .getHeaders()
          .forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(String.valueOf(problem.getBody()));
      return null;
    }
    return errorPages.page(request, problem.getStatusCode().value(), locale);
  }

  @RequestMapping
  ResponseEntity<ObjectNode> error(HttpServletRequest request, HttpServletResponse response) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (!(status instanceof Integer code) || uri == null) {
      return ProblemDetails.response(
          ErrorType.RESOURCE_NOT_FOUND, "No such resource: " + request.getRequestURI());
    }
    Throwable failure = rootOf(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
    return switch (failure) {
      case NgsiLdException e -> ProblemDetails.response(e.type(), e.detail());
      case InvalidParameterException e -> UnreadableQueryAdvice.answer(e);
      case null -> answer(code, request, response, uri.toString(), null);
      default -> answer(code, request, response, uri.toString(), failure);
    };
  }

  private static ResponseEntity<ObjectNode> answer(
      int status,
      HttpServletRequest request,
      HttpServletResponse response,
      String uri,
      Throwable failure) {
    Object method = request.getAttribute(ERROR_METHOD);
    if (status >= 500) {
      log.error("Unexpected failure on {} {}", method, uri, failure);
      return ProblemDetails.response(
          ErrorType.INTERNAL_ERROR,
          status,
          "Unexpected failure"
              + (failure == null ? "" : ": " + failure.getClass().getSimpleName()));
    }
    String detail =
        switch (status) {
          case 404 ->
              uri.startsWith("/ngsi-ld/")
                  ? "No such resource: " + uri + "; " + SERVED
                  : "No such resource: " + uri;
          case 405 ->
              "Method "
                  + (method == null ? "" : method + " ")
                  + "is not allowed on "
                  + uri
                  + (response.getHeader("Allow") == null
                      ? ""
                      : "; allowed: " + response.getHeader("Allow"));
          case 406 -> "None of the accepted media types can be produced for " + uri;
          case 415 -> "The Content-Type is not supported on " + uri;
          case 413 -> "The request body is larger than the server accepts";
          default -> "The request to " + uri + " was rejected with status " + status;
        };
    return ProblemDetails.response(ProblemDetails.typeOf(status), status, detail);
  }

  /** The exception whose cause chain ends in an NGSI-LD or parameter error, else the given one. */
  private static Throwable rootOf(Object attribute) {
    if (!(attribute instanceof Throwable failure)) {
      return null;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof NgsiLdException || t instanceof InvalidParameterException) {
        return t;
      }
    }
    return failure;
  }
}
