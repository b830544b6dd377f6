package org.sundwerk.app.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place where errors become ProblemDetails (RFC 9457) with NGSI-LD error types (clause
 * 5.5.2). Unexpected failures are logged with their cause and answered as InternalError.
 */
@RestControllerAdvice(basePackageClasses = ProblemDetailsAdvice.class)
final class ProblemDetailsAdvice {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
  private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

  @ExceptionHandler(NgsiLdException.class)
  ResponseEntity<ObjectNode> ngsiLd(NgsiLdException e) {
    if (e.type() == ErrorType.INTERNAL_ERROR) {
      log.error("Internal error: {}", e.detail(), e);
    }
    return problem(e.type(), e.detail());
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ObjectNode> badParameter(Exception e) {
    return problem(ErrorType.BAD_REQUEST_DATA, e.getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ObjectNode> mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(ErrorType.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ObjectNode> method(HttpRequestMethodNotSupportedException e) {
    ResponseEntity<ObjectNode> problem = problem(ErrorType.INVALID_REQUEST, e.getMessage());
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .contentType(PROBLEM)
        .body(problem.getBody());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ObjectNode> noResource(NoResourceFoundException e) {
    return problem(ErrorType.RESOURCE_NOT_FOUND, "No such resource: /" + e.getResourcePath());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ObjectNode> unexpected(Exception e) {
    log.error("Unexpected failure", e);
    return problem(ErrorType.INTERNAL_ERROR, "Unexpected failure: " + e.getClass().getSimpleName());
  }

  static ResponseEntity<ObjectNode> problem(ErrorType type, String detail) {
    return ResponseEntity.status(type.httpStatus()).contentType(PROBLEM).body(body(type, detail));
  }

  static ObjectNode body(ErrorType type, String detail) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", type.uri());
    body.put("title", type.title());
    body.put("status", type.httpStatus());
    body.put("detail", detail);
    return body;
  }
}
