package org.sundwerk.ngsild.error;

/** The NGSI-LD error types (ETSI GS CIM 009, clause 5.5.2) with the HTTP status each maps to. */
public enum ErrorType {
  INVALID_REQUEST("InvalidRequest", 400),
  BAD_REQUEST_DATA("BadRequestData", 400),
  ALREADY_EXISTS("AlreadyExists", 409),
  OPERATION_NOT_SUPPORTED("OperationNotSupported", 422),
  RESOURCE_NOT_FOUND("ResourceNotFound", 404),
  INTERNAL_ERROR("InternalError", 500),
  TOO_COMPLEX_QUERY("TooComplexQuery", 403),
  TOO_MANY_RESULTS("TooManyResults", 403),
  LD_CONTEXT_NOT_AVAILABLE("LdContextNotAvailable", 503),
  NONEXISTENT_TENANT("NonexistentTenant", 404),
  NOT_ACCEPTABLE("NotAcceptable", 406),
  UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType", 415),
  PAYLOAD_TOO_LARGE("PayloadTooLarge", 413),
  CONFLICT("Conflict", 409);

  private static final String BASE = "https://uri.etsi.org/ngsi-ld/errors/";

  private final String title;
  private final int httpStatus;

  ErrorType(String title, int httpStatus) {
    this.title = title;
    this.httpStatus = httpStatus;
  }

  /** The error type URI that goes into the ProblemDetails {@code type} member. */
  public String uri() {
    return BASE + title;
  }

  public String title() {
    return title;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
