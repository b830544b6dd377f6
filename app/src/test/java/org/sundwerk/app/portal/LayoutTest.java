package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The layout every page shares: German by default, English by the browser's {@code Accept-Language}
 * or by choice ({@code ?lang=en}, kept in a cookie), a language switch on the same page, a skip
 * link, landmarks, and navigation that knows who is signed in.
 */
class LayoutTest extends PortalTest {

  @Test
  void speaksGermanUnlessTheBrowserPrefersEnglish() {
    assertThat(visitor().get("/login").body()).contains("<html lang=\"de\"", ">Anmelden</h1>");
    assertThat(visitor().get("/login", "Accept-Language", "en-GB,en;q=0.8").body())
        .contains("<html lang=\"en\"", ">Sign in</h1>");
    assertThat(visitor().get("/login", "Accept-Language", "fr-FR, de;q=0.7, en;q=0.5").body())
        .contains("<html lang=\"de\"");
    assertThat(visitor().get("/login", "Accept-Language", "fr-FR").body())
        .contains("<html lang=\"de\"");
  }

  @Test
  void keepsAChosenLanguageAndLinksToTheOtherOnTheSamePage() {
    Visitor visitor = visitor();

    String english = visitor.get("/register?lang=en").body();
    String later = visitor.get("/login", "Accept-Language", "de").body();

    assertThat(english)
        .contains("<html lang=\"en\"")
        .contains("id=\"language\" class=\"language\" href=\"/register?lang=de\"");
    assertThat(later).contains("<html lang=\"en\"");
  }

  @Test
  void everyPageHasASkipLinkLandmarksAndTheNavigation() {
    for (String path : new String[] {"/", "/login", "/register", "/password/forgot"}) {
      String page = visitor().get(path).body();
      assertThat(page)
          .as(path)
          .contains("<a class=\"skip\" href=\"#main\"")
          .contains("<header class=\"site\">", "<nav aria-label=\"Hauptnavigation\">")
          .contains("<main id=\"main\"", "<footer class=\"site\">")
          .contains("id=\"nav-login\"")
          .doesNotContain("id=\"logout\"");
    }
  }

  @Test
  void showsWhoIsSignedInAndOffersASignOutWithCsrfProtection() {
    String address = newAddress("layout");
    Visitor visitor = registered(address, "Layout <Tester>");
    visitor.submit("/login", "email", address, "password", PASSWORD);

    String page = visitor.get("/").body();

    assertThat(page)
        .contains("Konto (Layout &lt;Tester&gt;)")
        .contains("id=\"logout\"")
        .contains("<meta name=\"csrf-token\"")
        .doesNotContain("Layout <Tester>");
    Visitor.Page signedOut = visitor.submitOn("/", "/logout");
    assertThat(signedOut.status()).isEqualTo(302);
    assertThat(visitor.get("/account").status()).isEqualTo(302);
  }
}
