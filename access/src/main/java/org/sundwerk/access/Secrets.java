package org.sundwerk.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random tokens and their hashes at rest. Tokens and key secrets carry 256 random bits, so one
 * SHA-256 is enough to store them: nobody can guess such a value, and a fast hash only hurts when
 * the input is guessable (passwords, which get Argon2id instead).
 */
public final class Secrets {

  /** 32 bytes: 256 bits, 43 characters in URL-safe Base64. */
  public static final int TOKEN_BYTES = 32;

  private Secrets() {}

  /** A fresh random token, URL-safe Base64 without padding. */
  public static String randomToken(SecureRandom random) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** SHA-256 of the UTF-8 bytes of {@code secret}, in lower-case hex. */
  public static String sha256Hex(String secret) {
    return HexFormat.of().formatHex(sha256(secret));
  }

  /** Compares in time independent of where the values differ. */
  public static boolean sameHash(String hexA, String hexB) {
    return MessageDigest.isEqual(
        hexA.getBytes(StandardCharsets.US_ASCII), hexB.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
