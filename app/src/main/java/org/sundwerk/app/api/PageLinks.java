package org.sundwerk.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.broker.paging.Paging;

/**
 * The pagination links of a query response (clause 5.5.9): {@code Link: <…>; rel="next"} when
 * results follow the page, {@code rel="prev"} when the page does not start at the first result.
 * Each link is the request's own path and query with only {@code offset} and {@code limit}
 * replaced, so following it repeats the same query one page on.
 */
final class PageLinks {

  /** Characters that may not stand raw inside {@code <…>} of a Link header (RFC 3986, 8288). */
  private static final String UNSAFE = "<>\"{}|\\^` ";

  private PageLinks() {}

  /** The response with the page's links added; the response itself if it has none. */
  static ResponseEntity<byte[]> add(
      ResponseEntity<byte[]> response, HttpServletRequest http, Paging paging, Page<?> page) {
    List<String> links = new ArrayList<>();
    if (page.more() && paging.limit() > 0) {
      links.add(link(http, paging.limit(), paging.offset() + paging.limit(), "next"));
    }
    if (paging.offset() > 0 && paging.limit() > 0) {
      links.add(link(http, paging.limit(), Math.max(0, paging.offset() - paging.limit()), "prev"));
    }
    if (links.isEmpty()) {
      return response;
    }
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(response.getHeaders());
    links.forEach(link -> headers.add(HttpHeaders.LINK, link));
    return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
  }

  private static String link(HttpServletRequest http, int limit, int offset, String rel) {
    StringBuilder uri = new StringBuilder(escape(http.getRequestURI())).append('?');
    String query = http.getQueryString();
    if (query != null) {
      for (String parameter : query.split("&")) {
        String name = parameter.split("=", 2)[0];
        if (!parameter.isEmpty() && !name.equals("limit") && !name.equals("offset")) {
          uri.append(escape(parameter)).append('&');
        }
      }
    }
    uri.append("limit=").append(limit).append("&offset=").append(offset);
    return "<" + uri + ">; rel=\"" + rel + "\"";
  }

  /**
   * Percent-encodes what clients may send raw in a query (e.g. {@code q=a>5}) but a URI may not.
   */
  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x21 || c > 0x7e || UNSAFE.indexOf(c) >= 0) {
        escaped.append('%').append(String.format("%02X", c));
      } else {
        escaped.append((char) c);
      }
    }
    return escaped.toString();
  }
}
