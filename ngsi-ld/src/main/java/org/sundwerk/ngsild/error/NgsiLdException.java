package org.sundwerk.ngsild.error;

/**
 * The one exception of the NGSI-LD layer: an error type plus a human-readable detail that says what
 * was wrong and, where possible, how to fix the request. Adapters map it once to ProblemDetails
 * (RFC 9457).
 */
public final class NgsiLdException extends RuntimeException {

  /** HTTP 503 Service Unavailable (RFC 9110, clause 15.6.4). */
  public static final int SERVICE_UNAVAILABLE = 503;

  private final ErrorType type;
  private final int httpStatus;

  public NgsiLdException(ErrorType type, String detail) {
    this(type, detail, null);
  }

  public NgsiLdException(ErrorType type, String detail, Throwable cause) {
    this(type, type.httpStatus(), detail, cause);
  }

  private NgsiLdException(ErrorType type, int httpStatus, String detail, Throwable cause) {
    super(detail, cause);
    this.type = type;
    this.httpStatus = httpStatus;
  }

  /**
   * A request the platform could not serve because something it depends on (the database) is
   * unavailable for a while: InternalError, since NGSI-LD defines no error type for it, but
   * answered with 503 instead of that type's 500, so that clients, load balancers and network
   * servers retry later instead of taking it for a bug, as NGSI-LD itself answers a context that
   * cannot be fetched for now (LdContextNotAvailable) with 503.
   */
  public static NgsiLdException unavailable(String detail, Throwable cause) {
    return new NgsiLdException(ErrorType.INTERNAL_ERROR, SERVICE_UNAVAILABLE, detail, cause);
  }

  public ErrorType type() {
    return type;
  }

  /** The HTTP status to answer with: the type's own, or 503 for {@link #unavailable}. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether the same request may succeed when retried later ({@link #unavailable}). */
  public boolean retryable() {
    return httpStatus == SERVICE_UNAVAILABLE && type == ErrorType.INTERNAL_ERROR;
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
