package org.sundwerk.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.sundwerk.ngsild.error.ErrorType;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one shape of every error answer: an RFC 9457 ProblemDetails whose {@code type} is an NGSI-LD
 * error type (clause 5.5.2), served as {@code application/problem+json}. Used by the controllers'
 * advice, the error controller, the filters and Tomcat's error report valve alike.
 */
public final class ProblemDetails {

  public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

  /** Seconds a client should wait before retrying a request answered 503. */
  public static final String RETRY_AFTER_SECONDS = "2";

  /**
   * The longest detail sent; longer ones are cut and end in "…". A safety net for details that echo
   * client input (a 1 MB id must not come back whole); the messages themselves quote shortly.
   */
  static final int MAX_DETAIL = 1000;

  private ProblemDetails() {}

  /** The body for an error type with the HTTP status that type maps to. */
  public static ObjectNode body(ErrorType type, String detail) {
    return body(type, type.httpStatus(), detail);
  }

  /** The body for an error type answered with another status (e.g. InvalidRequest as 405). */
  public static ObjectNode body(ErrorType type, int status, String detail) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", type.uri());
    body.put("title", type.title());
    body.put("status", status);
    body.put("detail", shorten(detail, MAX_DETAIL));
    return body;
  }

  public static ResponseEntity<ObjectNode> response(ErrorType type, String detail) {
    return response(type, type.httpStatus(), detail);
  }

  public static ResponseEntity<ObjectNode> response(ErrorType type, int status, String detail) {
    return ResponseEntity.status(status).contentType(MEDIA_TYPE).body(body(type, status, detail));
  }

  /** Writes the answer straight to a servlet response that nothing has been written to yet. */
  static void write(HttpServletResponse response, ErrorType type, int status, String detail)
      throws IOException {
    byte[] bytes = body(type, status, detail).toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE.toString());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /**
   * The body for an error that NGSI-LD has no error type for (401, 403, 429): RFC 9457's {@code
   * about:blank}, whose meaning is the HTTP status alone, titled with the status phrase.
   */
  public static ObjectNode plain(int status, String title, String detail) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", shorten(detail, MAX_DETAIL));
    return body;
  }

  /** Writes {@link #plain} straight to a servlet response that nothing has been written to yet. */
  public static void writePlain(
      HttpServletResponse response, int status, String title, String detail) throws IOException {
    byte[] bytes = plain(status, title, detail).toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE.toString());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** The NGSI-LD error type that fits an HTTP error status the container or Spring chose. */
  public static ErrorType typeOf(int status) {
    return switch (status) {
      case 404 -> ErrorType.RESOURCE_NOT_FOUND;
      case 406 -> ErrorType.NOT_ACCEPTABLE;
      case 413 -> ErrorType.PAYLOAD_TOO_LARGE;
      case 415 -> ErrorType.UNSUPPORTED_MEDIA_TYPE;
      default -> status >= 500 ? ErrorType.INTERNAL_ERROR : ErrorType.INVALID_REQUEST;
    };
  }

  /** {@code text} if at most {@code max} characters long, else its start and "…". */
  static String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
