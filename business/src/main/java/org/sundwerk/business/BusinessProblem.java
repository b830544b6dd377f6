package org.sundwerk.business;

import java.util.Objects;

/**
 * A request the business rules refuse, with a reason a client can act on. The app maps the {@link
 * Kind} once to ProblemDetails (404, 409, 400); the portal shows the reason's message key.
 */
public final class BusinessProblem extends RuntimeException {

  /** What kind of refusal: decides the HTTP status. */
  public enum Kind {
    /** The named partner, service, offer or order does not exist in the tenant: 404. */
    NOT_FOUND,
    /** The thing exists but its state forbids the step (approve an active partner): 409. */
    CONFLICT,
    /** The input breaks a rule (an IBAN with a wrong check digit, a price below zero): 400. */
    INVALID
  }

  private final Kind kind;

  public BusinessProblem(Kind kind, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public static BusinessProblem notFound(String message) {
    return new BusinessProblem(Kind.NOT_FOUND, message);
  }

  public static BusinessProblem conflict(String message) {
    return new BusinessProblem(Kind.CONFLICT, message);
  }

  public static BusinessProblem invalid(String message) {
    return new BusinessProblem(Kind.INVALID, message);
  }

  public Kind kind() {
    return kind;
  }
}
