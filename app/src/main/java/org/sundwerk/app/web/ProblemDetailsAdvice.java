package org.sundwerk.app.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the errors of the NGSI-LD API's and the ingestion webhooks' controllers become
 * ProblemDetails (RFC 9457) with NGSI-LD error types (clause 5.5.2). Unexpected failures are logged
 * with their cause and answered as InternalError. What no controller answers reaches {@link
 * ProblemErrorController}.
 */
@RestControllerAdvice(basePackages = {"org.sundwerk.app.api", "org.sundwerk.app.ingestion"})
final class ProblemDetailsAdvice {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(NgsiLdException.class)
  ResponseEntity<ObjectNode> ngsiLd(NgsiLdException e) {
    if (e.retryable()) {
      // The store logs when the database fails and when it works again; not once per request.
      log.debug("Unavailable: {}", e.detail());
      return ResponseEntity.status(e.httpStatus())
          .header(HttpHeaders.RETRY_AFTER, ProblemDetails.RETRY_AFTER_SECONDS)
          .contentType(ProblemDetails.MEDIA_TYPE)
          .body(ProblemDetails.body(e.type(), e.httpStatus(), e.detail()));
    }
    if (e.type() == ErrorType.INTERNAL_ERROR) {
      log.error("Internal error: {}", e.detail(), e);
    }
    return ProblemDetails.response(e.type(), e.httpStatus(), e.detail());
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ObjectNode> badParameter(Exception e) {
    return ProblemDetails.response(ErrorType.BAD_REQUEST_DATA, e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ObjectNode> unreadableBody(HttpMessageNotReadableException e) {
    return ProblemDetails.response(
        ErrorType.INVALID_REQUEST, "The request body is missing or cannot be read");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ObjectNode> mediaType(HttpMediaTypeNotSupportedException e) {
    return ProblemDetails.response(ErrorType.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ObjectNode> method(HttpRequestMethodNotSupportedException e) {
    return ProblemDetails.response(
        ErrorType.INVALID_REQUEST, HttpStatus.METHOD_NOT_ALLOWED.value(), e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ObjectNode> unexpected(Exception e) {
    if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
      int status = known.getStatusCode().value();
      return ProblemDetails.response(
          ProblemDetails.typeOf(status), status, known.getBody().getDetail());
    }
    log.error("Unexpected failure", e);
    return ProblemDetails.response(
        ErrorType.INTERNAL_ERROR, "Unexpected failure: " + e.getClass().getSimpleName());
  }
}
