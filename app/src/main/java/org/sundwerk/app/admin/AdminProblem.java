package org.sundwerk.app.admin;

/**
 * A refused admin call: answered with {@code status} as a ProblemDetails by {@link AdminAdvice}.
 */
final class AdminProblem extends RuntimeException {

  private final int status;

  AdminProblem(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  static AdminProblem badRequest(String detail) {
    return new AdminProblem(400, detail);
  }

  static AdminProblem notFound(String detail) {
    return new AdminProblem(404, detail);
  }

  int status() {
    return status;
  }
}
