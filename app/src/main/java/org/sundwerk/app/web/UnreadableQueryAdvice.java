package org.sundwerk.app.web;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sundwerk.ngsild.error.ErrorType;
import tools.jackson.databind.node.ObjectNode;

/**
 * A query string that Tomcat cannot read (a parameter with an empty name as in {@code ?type=T&=1},
 * invalid UTF-8 such as {@code %C3%28}) is the client's mistake wherever it is sent: the API, the
 * webhooks, the portal, actuator or no route at all. Answered 400 before any other advice, instead
 * of a 500 logged with its stack trace.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
final class UnreadableQueryAdvice {

  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ObjectNode> unreadable(InvalidParameterException e) {
    return answer(e);
  }

  static ResponseEntity<ObjectNode> answer(InvalidParameterException e) {
    return ProblemDetails.response(
        ErrorType.BAD_REQUEST_DATA, "The query string cannot be read: " + e.getMessage());
  }
}
