package org.sundwerk.broker.subscription;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * HTTP and HTTPS notifications (clause 6.10 binding): a POST of the Notification with the
 * subscription's {@code accept} as Content-Type, a Link header for {@code application/json}, the
 * tenant header and the receiverInfo headers. Any status but 2xx is a failure.
 */
public final class HttpNotificationSender implements NotificationSender {

  private final HttpClient client;
  private final Duration requestTimeout;

  /**
   * @param connectTimeout how long connecting may take
   * @param requestTimeout how long the whole exchange may take
   */
  public HttpNotificationSender(Duration connectTimeout, Duration requestTimeout) {
    this.client =
        HttpClient.newBuilder()
            // HTTP/1.1: on plain http an HTTP/2 client would first try an h2c upgrade per
            // connection.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    this.requestTimeout = requestTimeout;
  }

  @Override
  public void send(
      String tenant, Subscription.Endpoint endpoint, NotificationRenderer.Rendered rendered)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.uri())
            .timeout(requestTimeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(rendered.body()))
            .header("Content-Type", rendered.contentType());
    rendered
        .link()
        .ifPresent(
            url ->
                request.header(
                    "Link",
                    "<"
                        + url
                        + ">; rel=\"http://www.w3.org/ns/json-ld#context\";"
                        + " type=\"application/ld+json\""));
    if (!tenant.isEmpty()) {
      request.header("NGSILD-Tenant", tenant);
    }
    endpoint.receiverInfo().forEach(request::header);
    HttpResponse<Void> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while notifying " + endpoint.uri(), e);
    } catch (IllegalArgumentException e) {
      throw new IOException("cannot notify " + endpoint.uri() + ": " + e.getMessage(), e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("HTTP " + response.statusCode() + " from " + endpoint.uri());
    }
  }
}
