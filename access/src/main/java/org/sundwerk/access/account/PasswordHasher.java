package org.sundwerk.access.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106) in the PHC string form {@code
 * $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>}, so the parameters travel with
 * each hash and can be raised later ({@link #needsRehash}). Passwords are NFKC-normalised first
 * (NIST SP 800-63B), so the same password typed on another keyboard still matches. Thread-safe.
 */
public final class PasswordHasher {

  /** Argon2id cost. Memory in KiB. */
  public record Cost(int memoryKiB, int iterations, int parallelism) {

    /** OWASP Password Storage Cheat Sheet's first Argon2id option: 19 MiB, 2 passes, 1 lane. */
    public static final Cost OWASP = new Cost(19_456, 2, 1);

    public Cost {
      if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
        throw new IllegalArgumentException("Argon2 needs m >= 8p KiB, t >= 1, p >= 1");
      }
    }
  }

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private final Cost cost;
  private final SecureRandom random;

  public PasswordHasher(Cost cost, SecureRandom random) {
    this.cost = Objects.requireNonNull(cost, "cost");
    this.random = Objects.requireNonNull(random, "random");
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = argon2(password, salt, cost, HASH_BYTES);
    return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s"
        .formatted(
            cost.memoryKiB(),
            cost.iterations(),
            cost.parallelism(),
            B64.encodeToString(salt),
            B64.encodeToString(hash));
  }

  /** Whether {@code password} matches {@code encoded}; false for anything not an Argon2id hash. */
  public boolean verify(String password, String encoded) {
    Matcher phc = PHC.matcher(encoded);
    if (!phc.matches()) {
      return false;
    }
    Cost stored =
        new Cost(
            Integer.parseInt(phc.group(1)),
            Integer.parseInt(phc.group(2)),
            Integer.parseInt(phc.group(3)));
    byte[] salt = B64_DECODER.decode(phc.group(4));
    byte[] expected = B64_DECODER.decode(phc.group(5));
    return MessageDigest.isEqual(expected, argon2(password, salt, stored, expected.length));
  }

  /** Whether {@code encoded} was made with another cost than this hasher's. */
  public boolean needsRehash(String encoded) {
    Matcher phc = PHC.matcher(encoded);
    return !phc.matches()
        || Integer.parseInt(phc.group(1)) != cost.memoryKiB()
        || Integer.parseInt(phc.group(2)) != cost.iterations()
        || Integer.parseInt(phc.group(3)) != cost.parallelism();
  }

  private static byte[] argon2(String password, byte[] salt, Cost cost, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(cost.memoryKiB())
            .withIterations(cost.iterations())
            .withParallelism(cost.parallelism())
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(
        Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
