package org.sundwerk.access.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rules for a new password after NIST SP 800-63B Rev. 4 (section 3.1.1.2): a minimum length (15
 * characters where the password is the only factor, as for local accounts here), a maximum of at
 * least 64, a blocklist of common and breached passwords and of words from the context, and no
 * composition rules (no "one digit, one symbol") and no expiry. BSI IT-Grundschutz ORP.4 allows the
 * same. The bundled blocklist is a small sample; pass a larger one (e.g. a breach corpus) to the
 * constructor.
 */
public record PasswordRules(int minLength, int maxLength, Set<String> blocklist) {

  /** Local accounts are single-factor: NIST Rev. 4 asks for 15 characters then. */
  public static final int NIST_SINGLE_FACTOR_MIN = 15;

  /** Bounds the hashing work an attacker can ask for; NIST asks to allow at least 64. */
  public static final int DEFAULT_MAX = 256;

  private static final String PLATFORM = "sundwerk";

  public PasswordRules {
    if (minLength < 8 || maxLength < 64 || maxLength < minLength) {
      throw new IllegalArgumentException("NIST asks for a minimum of 8 or more, a maximum >= 64");
    }
    blocklist =
        blocklist.stream().map(word -> word.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /** The defaults: 15 to 256 characters, the bundled blocklist. */
  public static PasswordRules standard() {
    return new PasswordRules(NIST_SINGLE_FACTOR_MIN, DEFAULT_MAX, bundledBlocklist());
  }

  /**
   * What is wrong with {@code password} for an account with {@code email} and {@code displayName};
   * empty when it may be used.
   */
  public Set<PasswordProblem> check(String password, String email, String displayName) {
    String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
    String lower = normalized.toLowerCase(Locale.ROOT);
    Set<PasswordProblem> problems = EnumSet.noneOf(PasswordProblem.class);
    int length = normalized.codePointCount(0, normalized.length());
    if (length < minLength) {
      problems.add(PasswordProblem.TOO_SHORT);
    }
    if (length > maxLength) {
      problems.add(PasswordProblem.TOO_LONG);
    }
    if (blocklist.contains(lower) || lower.codePoints().distinct().count() <= 1) {
      problems.add(PasswordProblem.COMMON);
    }
    if (contextWords(email, displayName).stream().anyMatch(lower::contains)) {
      problems.add(PasswordProblem.CONTEXT);
    }
    return problems;
  }

  /** Words of at least four characters from the e-mail name and display name, and ours. */
  private static List<String> contextWords(String email, String displayName) {
    List<String> words = new ArrayList<>();
    words.add(PLATFORM);
    String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
    for (String word :
        (local + " " + displayName).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.length() >= 4) {
        words.add(word);
      }
    }
    return words;
  }

  private static Set<String> bundledBlocklist() {
    try (InputStream in = PasswordRules.class.getResourceAsStream("common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt is missing from the jar");
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .collect(Collectors.toSet());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
