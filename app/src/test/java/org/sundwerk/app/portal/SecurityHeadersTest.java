package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every answer, portal page or API, carries the security headers; HSTS only when the request came
 * over TLS, here through a TLS-terminating proxy ({@code X-Forwarded-Proto: https} from a trusted
 * address, {@code server.forward-headers-strategy=native}).
 */
class SecurityHeadersTest extends PortalTest {

  @Test
  void portalPagesForbidInlineScriptFramingAndSniffing() {
    Visitor.Page page = visitor().get("/login");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.header("X-Frame-Options")).contains("DENY");
    assertThat(page.header("Referrer-Policy")).contains("same-origin");
    assertThat(page.header("Strict-Transport-Security")).isEmpty();
    assertThat(page.body()).doesNotContain("<style", "style=\"", "onclick", "onsubmit");
  }

  @Test
  void apiAnswersCarryThemToo() {
    Visitor.Page page = visitor().get("/ngsi-ld/v1/types");

    assertThat(page.header("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'", "frame-ancestors 'none'");
    assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.header("Referrer-Policy")).contains("same-origin");
  }

  @Test
  void sendsHstsOnlyBehindTls() {
    Visitor.Page secure = visitor().get("/login", "X-Forwarded-Proto", "https");

    assertThat(secure.header("Strict-Transport-Security").orElseThrow()).contains("max-age=");
  }
}
