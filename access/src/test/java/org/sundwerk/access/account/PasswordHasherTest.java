package org.sundwerk.access.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private static final PasswordHasher.Cost CHEAP = new PasswordHasher.Cost(1024, 1, 1);
  private final PasswordHasher hasher = new PasswordHasher(CHEAP, new SecureRandom());

  @Test
  void verifiesTheRightPasswordOnly() {
    String hash = hasher.hash("correct horse battery staple");

    assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
    assertThat(hasher.verify("correct horse battery stapl", hash)).isFalse();
  }

  @Test
  void writesArgon2idInPhcFormWithAFreshSalt() {
    String first = hasher.hash("same password for both");
    String second = hasher.hash("same password for both");

    assertThat(first).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
    assertThat(first).isNotEqualTo(second);
  }

  /** The hash libargon2 (the reference implementation, Debian package argon2) writes. */
  @Test
  void matchesTheReferenceImplementation() {
    // echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -e   (m=2^16 KiB)
    String reference =
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    assertThat(hasher.verify("password", reference)).isTrue();
    assertThat(hasher.verify("Password", reference)).isFalse();
  }

  @Test
  void normalisesUnicodeSoTheSamePasswordTypedDifferentlyMatches() {
    String composed = "Gr\u00FC\u00DFe aus dem Rathaus";
    String decomposed = "Gru\u0308\u00DFe aus dem Rathaus";

    assertThat(hasher.verify(decomposed, hasher.hash(composed))).isTrue();
  }

  @Test
  void asksForARehashWhenTheCostChanged() {
    String hash = hasher.hash("a long enough password");
    PasswordHasher stronger =
        new PasswordHasher(new PasswordHasher.Cost(2048, 2, 1), new SecureRandom());

    assertThat(hasher.needsRehash(hash)).isFalse();
    assertThat(stronger.needsRehash(hash)).isTrue();
    assertThat(stronger.verify("a long enough password", hash)).isTrue();
  }

  @Test
  void rejectsWhatIsNotAnArgon2idHash() {
    assertThat(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
    assertThat(hasher.verify("x", "")).isFalse();
  }
}
