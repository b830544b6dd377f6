package org.sundwerk.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's settings under {@code sundwerk.*}; each is also settable as an environment
 * variable in Spring Boot's relaxed form (e.g. {@code SUNDWERK_DATA_DIR}).
 *
 * @param dataDir where the embedded database lives; default {@code ./data}, created if missing
 * @param defaultPageSize entities per page when a query gives no {@code limit}; default 20
 * @param maxPageSize the largest {@code limit} accepted; default 1000, larger answers
 *     TooManyResults
 * @param maxPayloadBytes the largest request body accepted on any path (NGSI-LD API, ingestion
 *     webhooks, the rest); default 8 MiB, larger answers 413 before the body is read
 * @param baseUrl the URL under which clients reach this platform; hosted JSON-LD contexts are
 *     served as {@code <baseUrl>/ngsi-ld/v1/jsonldContexts/<id>}; default {@code
 *     http://localhost:8080}
 * @param contexts how JSON-LD contexts are fetched
 */
@ConfigurationProperties("sundwerk")
public record SundwerkProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("20") int defaultPageSize,
    @DefaultValue("1000") int maxPageSize,
    @DefaultValue("8388608") int maxPayloadBytes,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue Contexts contexts) {

  /**
   * @param preloadedDir a directory of context documents served in place of their remote URLs (see
   *     {@code ContextSettings}); empty for none
   * @param fetchTimeout connect and read timeout for fetching a remote context; default 5 s
   * @param maxDocumentBytes the largest context document fetched; default 1 MiB
   * @param cacheTtl how long a fetched context is kept; default 1 h
   * @param allowedHosts hosts or CIDR ranges that may be fetched although they are private or
   *     loopback addresses; default none
   */
  public record Contexts(
      @DefaultValue("") String preloadedDir,
      @DefaultValue("5s") Duration fetchTimeout,
      @DefaultValue("1048576") int maxDocumentBytes,
      @DefaultValue("1h") Duration cacheTtl,
      @DefaultValue List<String> allowedHosts) {}
}
