package org.sundwerk.app.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sundwerk.app.TestAdmin;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * HTTP/1.1 over a plain socket, for what {@link Http} cannot send: the request target goes out byte
 * for byte as written (raw {@code [ ] < > "} in a query, {@code %00} in a path, a malformed request
 * line), bodies may be chunked or announced larger than sent. One request per connection ({@code
 * Connection: close}); a response that does not come within {@link #TIMEOUT_MILLIS} fails the
 * request with {@link Hang}.
 */
final class RawHttp {

  static final int TIMEOUT_MILLIS = 10_000;

  private final int port;
  private final boolean withAdminKey;

  /** Sends the test platform operator's key with every request. */
  RawHttp(int port) {
    this(port, true);
  }

  private RawHttp(int port, boolean withAdminKey) {
    this.port = port;
    this.withAdminKey = withAdminKey;
  }

  /** Sends only the headers each request names: no credentials of its own. */
  static RawHttp withoutKey(int port) {
    return new RawHttp(port, false);
  }

  /** A server that answers nothing within the timeout. */
  static final class Hang extends RuntimeException {
    Hang(String request) {
      super("no response within " + TIMEOUT_MILLIS + " ms to " + request);
    }
  }

  /** A request with these headers and a body sent with its Content-Length (none when null). */
  Response send(String method, String target, Map<String, String> headers, byte[] body) {
    return exchange(method, target, headers, out -> writeBody(out, body));
  }

  Response get(String target, Map<String, String> headers) {
    return send("GET", target, headers, null);
  }

  /** Sends exactly these bytes and reads the response. */
  Response sendRaw(byte[] request, String label) {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return read(socket.getInputStream(), label);
    } catch (SocketTimeoutException e) {
      throw new Hang(label);
    } catch (IOException e) {
      throw new UncheckedIOException(label, e);
    }
  }

  /** Writes what follows the head: a body, chunks, or nothing. */
  interface BodyWriter {
    void write(OutputStream out) throws IOException;
  }

  /**
   * A request whose body {@code body} writes after the head. A write the server cut short (it
   * answered and closed early) is not an error: the response is read all the same.
   */
  Response exchange(String method, String target, Map<String, String> headers, BodyWriter body) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    head.append("Connection: close\r\n");
    if (withAdminKey) {
      head.append(TestAdmin.HEADER).append(": ").append(TestAdmin.KEY).append("\r\n");
    }
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    String label = method + " " + shorten(target) + " " + headers.keySet();
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      try {
        body.write(out);
        out.flush();
      } catch (IOException cutShort) {
        // The server closed its side early, e.g. after refusing the body: read its answer.
      }
      return read(socket.getInputStream(), label);
    } catch (SocketTimeoutException e) {
      throw new Hang(label);
    } catch (IOException e) {
      throw new UncheckedIOException(label, e);
    }
  }

  private static void writeBody(OutputStream out, byte[] body) throws IOException {
    if (body == null) {
      out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      return;
    }
    out.write(
        ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
  }

  /** Writes {@code total} bytes of {@code filler} as chunks of 64 KiB, then the last chunk. */
  static BodyWriter chunked(long total, byte filler) {
    return out -> {
      out.write("Transfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, filler);
      for (long sent = 0; sent < total; sent += chunk.length) {
        int size = (int) Math.min(chunk.length, total - sent);
        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(chunk, 0, size);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    };
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
    socket.setSoTimeout(TIMEOUT_MILLIS);
    return socket;
  }

  private static Response read(InputStream in, String label) throws IOException {
    byte[] all = readResponse(in);
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no complete response head to " + label + ": " + shorten(text));
    }
    Map<String, String> headers = headers(text.substring(0, end));
    int status = Integer.parseInt(text.substring(0, text.indexOf("\r\n")).split(" ")[1]);
    byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static Map<String, String> headers(String head) {
    String[] lines = head.split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    return headers;
  }

  /**
   * The bytes of one response: up to its Content-Length, its last chunk, or the end of the stream.
   * Not up to the end of the stream always: after refusing a body the server may keep the
   * connection open to read and discard the rest of it.
   */
  private static byte[] readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        bytes.write(buffer, 0, n);
        if (complete(bytes.toByteArray())) {
          break;
        }
      }
    } catch (java.net.SocketException reset) {
      if (bytes.size() == 0) {
        throw reset;
      }
      // A reset after the response arrived (the server refused the rest of a body): keep it.
    }
    return bytes.toByteArray();
  }

  private static boolean complete(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    Map<String, String> headers = headers(text.substring(0, end));
    String length = headers.get("content-length");
    if (length != null) {
      return bytes.length - end - 4 >= Long.parseLong(length);
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      return text.endsWith("\r\n0\r\n\r\n") || text.endsWith("\r\n\r\n0\r\n\r\n");
    }
    return false;
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, at);
      if (lineEnd < 0) {
        break;
      }
      String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int size = Integer.parseInt(sizeText.split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
      at = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  static String shorten(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + ")";
  }

  /** A response: status, headers with lower-case names, the body as text. */
  record Response(int status, Map<String, String> headers, String body) {

    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    JsonNode json() {
      try {
        return body.isEmpty() ? MissingNode.getInstance() : Http.MAPPER.readTree(body);
      } catch (JacksonException e) {
        return MissingNode.getInstance();
      }
    }

    /** The NGSI-LD error type name of a ProblemDetails body, e.g. BadRequestData. */
    String errorType() {
      String type = json().path("type").asString("");
      return type.substring(type.lastIndexOf('/') + 1);
    }

    /**
     * True for an NGSI-LD ProblemDetails: served as application/problem+json or application/json, a
     * body with an NGSI-LD error type, a title, the response's status and a detail.
     */
    boolean isProblemDetails() {
      String contentType = header("Content-Type").orElse("");
      JsonNode json = json();
      return (contentType.startsWith("application/problem+json")
              || contentType.startsWith("application/json"))
          && json.path("type").asString("").startsWith("https://uri.etsi.org/ngsi-ld/errors/")
          && json.path("title").isString()
          && json.path("status").asInt() == status
          && json.path("detail").isString();
    }

    @Override
    public String toString() {
      return status + " " + headers.get("content-type") + " " + shorten(body);
    }
  }
}
