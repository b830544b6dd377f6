package org.sundwerk.app.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report for what it rejects before a request reaches Spring (a malformed request
 * line, {@code %00} in the path, a request line or headers over the size limit): a ProblemDetails
 * instead of Tomcat's HTML page. Errors inside the application go to the error controller instead
 * (Tomcat's error page mapping to {@code /error}); this valve only writes when nothing else did.
 */
public final class ProblemReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.resetBuffer();
      SecurityHeaders.writeStatic(response);
      ProblemDetails.write(
          response, ProblemDetails.typeOf(status), status, detail(status, response, throwable));
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response was committed meanwhile: nothing left to tell.
    }
  }

  private static String detail(int status, Response response, Throwable throwable) {
    String message = response.getMessage();
    if ((message == null || message.isBlank()) && throwable != null) {
      message = throwable.getMessage();
    }
    String what =
        switch (status) {
          case 400 ->
              "The server could not read the request (a malformed request line, an invalid"
                  + " character or escape in the path such as %00, or a request line or headers"
                  + " larger than the server accepts)";
          case 413 -> "The request is larger than the server accepts";
          default -> "The server rejected the request with status " + status;
        };
    return message == null || message.isBlank() ? what : what + ": " + message;
  }
}
