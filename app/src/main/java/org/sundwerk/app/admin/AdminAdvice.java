package org.sundwerk.app.admin;

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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.sundwerk.app.security.AccessDenied;
import org.sundwerk.app.web.ProblemDetails;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every error of the admin API as an RFC 9457 ProblemDetails ({@code about:blank}: these are not
 * NGSI-LD resources, so NGSI-LD's error types do not apply).
 */
@RestControllerAdvice(basePackages = "org.sundwerk.app.admin")
@Order(Ordered.HIGHEST_PRECEDENCE)
final class AdminAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(AdminAdvice.class);

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

  @ExceptionHandler(AdminProblem.class)
  ResponseEntity<ObjectNode> refused(AdminProblem e) {
    return problem(e.status(), e.getMessage());
  }

  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    MethodArgumentTypeMismatchException.class,
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
    LOG.error("admin API call failed", e);
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
