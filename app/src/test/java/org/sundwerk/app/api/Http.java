package org.sundwerk.app.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sundwerk.app.TestAdmin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** A small HTTP client for API tests: plain JDK HttpClient, explicit headers, JSON bodies. */
final class Http {

  static final String JSON = "application/json";
  static final String LD_JSON = "application/ld+json";
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;
  private final Map<String, String> headers = new LinkedHashMap<>();

  /** A client that sends the test platform operator's key ({@link TestAdmin#KEY}). */
  Http(int port) {
    this.base = "http://127.0.0.1:" + port;
    headers.put(TestAdmin.HEADER, TestAdmin.KEY);
  }

  private Http(String base, Map<String, String> headers) {
    this.base = base;
    this.headers.putAll(headers);
  }

  /** A client that sends this header on every request. */
  Http with(String name, String value) {
    Http copy = new Http(base, headers);
    copy.headers.put(name, value);
    return copy;
  }

  /** A client without credentials. */
  Http anonymous() {
    Http copy = new Http(base, headers);
    copy.headers.remove(TestAdmin.HEADER);
    return copy;
  }

  /** A client that presents {@code key} instead of the test platform operator's. */
  Http key(String key) {
    return anonymous().with(TestAdmin.HEADER, key);
  }

  Http tenant(String tenant) {
    return with("NGSILD-Tenant", tenant);
  }

  Http link(String contextUrl) {
    return with(
        "Link",
        "<"
            + contextUrl
            + ">; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"");
  }

  Response get(String path) {
    return send("GET", path, null, null);
  }

  Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  Response post(String path, String json) {
    return send("POST", path, json, JSON);
  }

  Response postLd(String path, String json) {
    return send("POST", path, json, LD_JSON);
  }

  Response patch(String path, String json) {
    return send("PATCH", path, json, JSON);
  }

  Response put(String path, String json) {
    return send("PUT", path, json, JSON);
  }

  Response send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response, response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response with its body parsed as JSON when there is one. */
  record Response(int status, HttpResponse<String> raw, String text) {

    JsonNode json() {
      return text == null || text.isEmpty() ? MissingNode.getInstance() : MAPPER.readTree(text);
    }

    Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    /** The NGSI-LD error type name of a ProblemDetails body, e.g. BadRequestData. */
    String errorType() {
      String type = json().path("type").asString("");
      return type.substring(type.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
      return status + " " + text;
    }
  }
}
