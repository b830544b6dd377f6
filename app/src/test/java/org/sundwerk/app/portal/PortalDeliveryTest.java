package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * How pages and their assets travel: compressed when the browser asks for it, assets under URLs
 * that carry a hash of their content and may be kept for a year, so a repeat visit loads nothing
 * but the page.
 */
class PortalDeliveryTest extends PortalTest {

  private static final Pattern ASSET =
      Pattern.compile("(?:src|href)=\"(/(?:portal|webjars)/[^\"]+)\"");
  private static final Pattern HASHED = Pattern.compile(".*-[0-9a-f]{32}\\.(?:js|css)$");
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void pagesAndAssetsAreCompressedForBrowsersThatAskForIt() throws Exception {
    HttpResponse<byte[]> page = get("/", "gzip");
    HttpResponse<byte[]> plain = get("/", "identity");

    assertThat(page.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    String html = gunzip(page.body());
    assertThat(html).contains("<html lang=\"de\"");
    assertThat(page.body().length).isLessThan(plain.body().length / 2);
    for (String asset : assets(html)) {
      HttpResponse<byte[]> response = get(asset, "gzip");
      assertThat(response.statusCode()).as(asset).isEqualTo(200);
      // Below 1 KB (server.compression.min-response-size) gzip would save nothing.
      if (get(asset, "identity").body().length >= 1024) {
        assertThat(response.headers().firstValue("Content-Encoding")).as(asset).contains("gzip");
      }
    }
  }

  @Test
  void assetsCarryAHashOfTheirContentAndMayBeKeptForAYear() throws Exception {
    List<String> assets = assets(new String(get("/", "identity").body(), StandardCharsets.UTF_8));

    assertThat(assets).isNotEmpty().allMatch(asset -> HASHED.matcher(asset).matches());
    for (String asset : assets) {
      assertThat(get(asset, "identity").headers().firstValue("Cache-Control"))
          .as(asset)
          .hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000", "public"));
    }
    String stale = assets.getFirst().replaceFirst("-[0-9a-f]{32}\\.", "-" + "0".repeat(32) + ".");
    assertThat(get(stale, "identity").statusCode()).isEqualTo(404);
  }

  @Test
  void pagesThemselvesAreNeverCached() throws Exception {
    assertThat(get("/", "gzip").headers().firstValue("Cache-Control"))
        .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
  }

  private HttpResponse<byte[]> get(String path, String encoding)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Accept-Encoding", encoding)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static List<String> assets(String html) {
    List<String> assets = new ArrayList<>();
    Matcher matcher = ASSET.matcher(html);
    while (matcher.find()) {
      assets.add(matcher.group(1));
    }
    return assets;
  }

  private static String gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
