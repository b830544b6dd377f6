package org.sundwerk.app.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person with a browser's cookie jar, speaking plain HTTP to the portal from an address of its
 * own ({@code X-Forwarded-For}, trusted from 127.0.0.1 in {@link PortalTest}). Forms are sent as a
 * browser sends them: the page is fetched first and its CSRF token posted along.
 */
final class Visitor {

  private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  record Page(int status, String body, HttpResponse<String> response) {
    Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }
  }

  private final String base;
  private final String address;
  private final HttpClient client;

  Visitor(String base) {
    this(
        base,
        nextAddress(),
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());
  }

  private Visitor(String base, String address, HttpClient client) {
    this.base = base;
    this.address = address;
    this.client = client;
  }

  private static String nextAddress() {
    int n = ADDRESSES.getAndIncrement();
    return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
  }

  /** The same person with the same cookies, now talking to another node at {@code otherBase}. */
  Visitor on(String otherBase) {
    return new Visitor(otherBase, address, client);
  }

  String address() {
    return address;
  }

  Page get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  /** Fetches {@code path}, then posts the form there with the page's CSRF token. */
  Page submit(String path, String... fields) {
    return submitOn(path, path, fields);
  }

  /** Fetches {@code page}, then posts to {@code action} with the page's CSRF token. */
  Page submitOn(String page, String action, String... fields) {
    String token = csrfToken(get(page).body());
    List<String> all = new ArrayList<>(List.of(fields));
    all.add("_csrf");
    all.add(token);
    return post(action, all.toArray(String[]::new));
  }

  /** A form POST with exactly these fields (no CSRF token unless given). */
  Page post(String path, String... fields) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      if (!form.isEmpty()) {
        form.append('&');
      }
      form.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build());
  }

  static String csrfToken(String html) {
    Matcher token = CSRF.matcher(html);
    if (!token.find()) {
      throw new AssertionError("no CSRF token in the page:\n" + html);
    }
    return token.group(1).replace("&#45;", "-");
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", address);
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  private Page send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Page(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
