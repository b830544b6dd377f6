package org.sundwerk.app.business;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.sundwerk.app.security.AccessDenied;
import org.sundwerk.app.web.ProblemDetails;
import org.sundwerk.business.BusinessProblem;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every error of the business APIs as an RFC 9457 ProblemDetails ({@code about:blank}: these are
 * not NGSI-LD resources). {@link BusinessProblem}'s kind decides the status, in this one place.
 */
@RestControllerAdvice(basePackages = "org.sundwerk.app.business")
@Order(Ordered.HIGHEST_PRECEDENCE)
final class BusinessAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(BusinessAdvice.class);

  @ExceptionHandler(AccessDenied.class)
  ResponseEntity<ObjectNode> denied(AccessDenied e) {
    ResponseEntity<ObjectNode> answer = problem(e.status(), e.getMessage());
    return e.unauthenticated()
        ? ResponseEntity.status(answer.getStatusCode())
            .headers(answer.getHeaders())
            .header(HttpHeaders.WWW_AUTHENTICATE, AccessDenied.CHALLENGE)
            .body(answer.getBody())
        : answer;
  }

  @ExceptionHandler(BusinessProblem.class)
  ResponseEntity<ObjectNode> refused(BusinessProblem e) {
    int status =
        switch (e.kind()) {
          case NOT_FOUND -> 404;
          case CONFLICT -> 409;
          case INVALID -> 400;
        };
    return problem(status, e.getMessage());
  }

  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class,
    IllegalArgumentException.class
  })
  ResponseEntity<ObjectNode> badRequest(Exception e) {
    return problem(
        400,
        e instanceof HttpMessageNotReadableException ? "unreadable JSON body" : e.getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ObjectNode> mediaType(Exception e) {
    return problem(415, "send application/json");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ObjectNode> method(Exception e) {
    return problem(405, e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ObjectNode> failed(Exception e) {
    LOG.error("business API call failed", e);
    return problem(500, "internal error; see the server log");
  }

  static ResponseEntity<ObjectNode> problem(int status, String detail) {
    HttpStatus known = HttpStatus.resolve(status);
    return ResponseEntity.status(status)
        .contentType(ProblemDetails.MEDIA_TYPE)
        .body(
            ProblemDetails.plain(
                status, known == null ? "Error" : known.getReasonPhrase(), detail));
  }
}
