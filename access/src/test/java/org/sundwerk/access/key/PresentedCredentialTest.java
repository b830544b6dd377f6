package org.sundwerk.access.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PresentedCredentialTest {

  private static final String KEY = "sw_0123456789abcdef_" + "A".repeat(43);
  private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl";

  private static PresentedCredential from(String authorization, String apiKey) {
    return PresentedCredential.from(
        Optional.ofNullable(authorization), Optional.ofNullable(apiKey));
  }

  @Test
  void takesAKeyFromEitherHeader() {
    assertThat(from("Bearer " + KEY, null)).isEqualTo(new PresentedCredential.ApiKey(KEY));
    assertThat(from("bearer " + KEY, null)).isEqualTo(new PresentedCredential.ApiKey(KEY));
    assertThat(from(null, KEY)).isEqualTo(new PresentedCredential.ApiKey(KEY));
    assertThat(from("Bearer " + KEY, KEY)).isEqualTo(new PresentedCredential.ApiKey(KEY));
  }

  @Test
  void tellsAJwtFromAKey() {
    assertThat(from("Bearer " + JWT, null)).isEqualTo(new PresentedCredential.BearerToken(JWT));
  }

  @Test
  void refusesContradictoryEmptyOrForeignCredentials() {
    assertThat(from("Bearer " + KEY, "sw_other")).isInstanceOf(PresentedCredential.Invalid.class);
    assertThat(from("Bearer ", null)).isInstanceOf(PresentedCredential.Invalid.class);
    assertThat(from("Basic dXNlcjpwYXNz", null)).isInstanceOf(PresentedCredential.Invalid.class);
  }

  @Test
  void noHeaderIsAnonymous() {
    assertThat(from(null, null)).isEqualTo(new PresentedCredential.None());
  }

  @Test
  void neverPrintsTheSecret() {
    assertThat(from(null, KEY).toString()).doesNotContain(KEY);
    assertThat(from("Bearer " + JWT, null).toString()).doesNotContain(JWT);
  }
}
