package org.sundwerk.app.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sundwerk.app.web.ProblemDetails;
import tools.jackson.databind.node.ObjectNode;

/** Answers an {@link AccessDenied} from any API controller as a ProblemDetails. */
@RestControllerAdvice(basePackages = {"org.sundwerk.app.api", "org.sundwerk.app.ingestion"})
@Order(Ordered.HIGHEST_PRECEDENCE)
final class AccessDeniedAdvice {

  @ExceptionHandler(AccessDenied.class)
  ResponseEntity<ObjectNode> denied(AccessDenied e) {
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(e.status()).contentType(ProblemDetails.MEDIA_TYPE);
    if (e.unauthenticated()) {
      answer.header(HttpHeaders.WWW_AUTHENTICATE, AccessDenied.CHALLENGE);
    }
    return answer.body(ProblemDetails.plain(e.status(), e.title(), e.getMessage()));
  }
}
