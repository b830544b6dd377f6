package org.sundwerk.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * The one request body limit ({@code sundwerk.max-payload-bytes}) for every path: the NGSI-LD API,
 * the ingestion webhooks and the rest. A declared {@code Content-Length} over the limit is answered
 * 413 before a byte of the body is read; a chunked body is counted while it is read, and reading
 * past the limit throws {@link NgsiLdException} PayloadTooLarge, which the error handling answers
 * 413. No oversized body is ever buffered.
 */
final class PayloadLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;

  PayloadLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      ProblemDetails.write(response, ErrorType.PAYLOAD_TOO_LARGE, 413, tooLarge(declared + " "));
      return;
    }
    chain.doFilter(new Limited(request, maxBytes), response);
  }

  private String tooLarge(String size) {
    return "The body has " + size + "bytes or more; at most " + maxBytes + " are accepted";
  }

  /** A request whose body stream fails once more than {@code maxBytes} have been read. */
  private final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset;
      try {
        charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      } catch (IllegalArgumentException e) {
        throw new NgsiLdException(
            ErrorType.UNSUPPORTED_MEDIA_TYPE, "Unknown charset in the Content-Type: " + encoding);
      }
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private final class CountingStream extends ServletInputStream {

      private final ServletInputStream in;
      private long read;

      CountingStream(ServletInputStream in) {
        this.in = in;
      }

      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void count(int n) {
        read += n;
        if (read > limit) {
          throw new NgsiLdException(ErrorType.PAYLOAD_TOO_LARGE, tooLarge((limit + 1) + " "));
        }
      }

      @Override
      public boolean isFinished() {
        return in.isFinished();
      }

      @Override
      public boolean isReady() {
        return in.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
      }
    }
  }
}
