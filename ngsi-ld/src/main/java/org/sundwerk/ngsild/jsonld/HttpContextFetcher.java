package org.sundwerk.ngsild.jsonld;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * Fetches context documents over HTTP(S). Every hop (the URL and each redirect target) passes the
 * {@link UrlGuard}; redirects are followed by hand, at most {@value #MAX_REDIRECTS}. Each hop gets
 * the whole {@code fetchTimeout} for connecting, headers and body; bodies larger than {@code
 * maxDocumentBytes} are cut off. Thread-safe.
 */
final class HttpContextFetcher {

  static final int MAX_REDIRECTS = 5;

  private final HttpClient client;
  private final UrlGuard guard;
  private final Duration timeout;
  private final long maxBytes;

  HttpContextFetcher(ContextSettings settings, UrlGuard guard) {
    this.guard = guard;
    this.timeout = settings.fetchTimeout();
    this.maxBytes = settings.maxDocumentBytes();
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * The body of the document at the URL, as text.
   *
   * @throws NgsiLdException {@code LdContextNotAvailable} when the URL is not allowed, the server
   *     cannot be reached, answers with an error, is too slow or sends too much
   */
  String fetch(URI url) {
    URI current = url;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (guard.check(current) instanceof UrlGuard.Verdict.Denied(String reason)) {
        throw unavailable(url, reason);
      }
      HttpResponse<byte[]> response = send(url, current);
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return new String(response.body(), StandardCharsets.UTF_8);
      }
      if (isRedirect(status)) {
        URI from = current;
        current =
            response
                .headers()
                .firstValue("Location")
                .map(from::resolve)
                .orElseThrow(() -> unavailable(url, "redirect without Location from " + from));
        continue;
      }
      throw unavailable(url, "HTTP status " + status + " from " + current);
    }
    throw unavailable(url, "more than " + MAX_REDIRECTS + " redirects");
  }

  private HttpResponse<byte[]> send(URI original, URI current) {
    HttpRequest request =
        HttpRequest.newBuilder(current)
            .timeout(timeout)
            .header("Accept", "application/ld+json, application/json;q=0.9")
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(request, info -> new LimitedBody(maxBytes, declaredLength(info)));
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw timedOut(original, current);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(original, "interrupted while fetching " + current);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpTimeoutException) {
        throw timedOut(original, current); // the client's own request timeout
      }
      if (e.getCause() instanceof TooLarge) {
        throw unavailable(original, "the document is larger than " + maxBytes + " bytes");
      }
      throw unavailable(original, "cannot fetch " + current + ": " + e.getCause());
    }
  }

  private NgsiLdException timedOut(URI original, URI current) {
    return unavailable(original, "no complete answer from " + current + " within " + timeout);
  }

  private static long declaredLength(HttpResponse.ResponseInfo info) {
    return info.headers().firstValueAsLong("Content-Length").orElse(-1);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static NgsiLdException unavailable(URI url, String reason) {
    return new NgsiLdException(
        ErrorType.LD_CONTEXT_NOT_AVAILABLE, "@context " + url + " is not available: " + reason);
  }

  /** Signals that a body exceeded the size limit. */
  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  /** Collects a body up to a limit and cancels the transfer as soon as the limit is passed. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final long declared;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    // Only touched from the subscriber's signal methods, which the client calls serially.
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    LimitedBody(long limit, long declared) {
      this.limit = limit;
      this.declared = declared;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (declared > limit) {
        subscription.cancel();
        result.completeExceptionally(new TooLarge());
        return;
      }
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer item : items) {
        if (buffer.size() + (long) item.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge());
          return;
        }
        byte[] bytes = new byte[item.remaining()];
        item.get(bytes);
        buffer.writeBytes(bytes);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(buffer.toByteArray());
    }
  }
}
