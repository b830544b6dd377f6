package org.sundwerk.ngsild.error;

/**
 * The one exception of the NGSI-LD layer: an error type plus a human-readable detail that says what
 * was wrong and, where possible, how to fix the request. Adapters map it once to ProblemDetails
 * (RFC 9457).
 */
public final class NgsiLdException extends RuntimeException {
  private final ErrorType type;

  public NgsiLdException(ErrorType type, String detail) {
    super(detail);
    this.type = type;
  }

  public NgsiLdException(ErrorType type, String detail, Throwable cause) {
    super(detail, cause);
    this.type = type;
  }

  public ErrorType type() {
    return type;
  }

  public String detail() {
    return getMessage();
  }

  public static NgsiLdException badRequestData(String detail) {
    return new NgsiLdException(ErrorType.BAD_REQUEST_DATA, detail);
  }

  public static NgsiLdException invalidRequest(String detail) {
    return new NgsiLdException(ErrorType.INVALID_REQUEST, detail);
  }

  public static NgsiLdException notFound(String detail) {
    return new NgsiLdException(ErrorType.RESOURCE_NOT_FOUND, detail);
  }

  public static NgsiLdException alreadyExists(String detail) {
    return new NgsiLdException(ErrorType.ALREADY_EXISTS, detail);
  }
}
