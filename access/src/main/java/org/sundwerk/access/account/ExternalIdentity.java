package org.sundwerk.access.account;

import java.util.Objects;
import java.util.Optional;

/**
 * A person as an OpenID provider names them in a token whose signature, issuer, audience and
 * lifetime the caller has checked: the provider ({@code iss}), its never reassigned id of the
 * person ({@code sub}), the e-mail address only when the provider says it verified it ({@code
 * email_verified} true), and a name to show.
 *
 * @param issuer the token's {@code iss}, exactly as written (no trailing-slash normalisation: a
 *     provider writes its issuer the same way every time)
 * @param subject the token's {@code sub}, 1-255 characters (OIDC Core 1.0, 2)
 */
public record ExternalIdentity(
    String issuer, String subject, Optional<String> verifiedEmail, Optional<String> name) {

  public ExternalIdentity {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(verifiedEmail, "verifiedEmail");
    Objects.requireNonNull(name, "name");
    if (issuer.isBlank() || issuer.length() > 2048) {
      throw new IllegalArgumentException("an issuer is 1-2048 characters");
    }
    if (subject.isEmpty() || subject.length() > 255) {
      throw new IllegalArgumentException("a subject is 1-255 characters");
    }
  }

  /** Leaves the e-mail address and name out: this lands in logs. */
  @Override
  public String toString() {
    return "ExternalIdentity[issuer=" + issuer + ", subject=" + subject + "]";
  }
}
