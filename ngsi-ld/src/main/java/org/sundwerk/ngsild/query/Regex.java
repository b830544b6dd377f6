package org.sundwerk.ngsild.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * A regular expression a client supplied ({@code idPattern}, the right side of {@code ~=} in {@code
 * q}), compiled for RE2/J, whose matching time grows linearly with the text whatever the pattern:
 * {@code (.*.){5}#} took 34 s per request with {@link java.util.regex} against the demo and takes
 * milliseconds here. Every evaluator in Java (the SQLite {@code REGEXP} function, the in-memory
 * evaluator of subscriptions) goes through this class, and every parser validates with {@link
 * #problem}, so what the broker accepts is what its engines can run.
 *
 * <p>The syntax is RE2's (a Java-compatible subset without backreferences, lookaround and
 * possessive quantifiers); matching has find semantics (a match anywhere in the text, anchors
 * {@code ^ $} when wanted). Linear is not yet cheap: RE2/J's time per character grows with the size
 * of the compiled program, and counted repetitions multiply it ({@code ((a{1000}){1000}){1000}} ran
 * out of a 512 MiB heap while compiling). Hence two limits: at most {@value #MAX_LENGTH}
 * characters, and at most {@value #MAX_SIZE} atoms once counted repetitions are expanded. Measured
 * over 10,000 ids of 66 characters: the probe 0.3-0.5 s; the worst found at the limit, {@code
 * (.{1,6}){28}-x} (198 atoms), 5.4 s, and {@code (.{1,30}){30}-x} (930 atoms) 19 s, which is why
 * the limit is not higher. A realistic id pattern, such as a UUID with counted hex digits, stays
 * below 80 atoms. Scans over many entities are further bounded by the store's time budget for
 * matching.
 *
 * <p>Immutable and thread-safe; compiled patterns are cached, since subscriptions and the SQLite
 * function evaluate the same few patterns very often.
 */
public final class Regex {

  /** The longest pattern accepted, in characters. */
  public static final int MAX_LENGTH = 512;

  /** The most atoms a pattern may expand to (see {@link #size}). */
  public static final int MAX_SIZE = 200;

  private static final Cache<String, Regex> COMPILED =
      Caffeine.newBuilder().maximumSize(1_000).build();

  private final String source;
  private final Pattern pattern;

  private Regex(String source, Pattern pattern) {
    this.source = source;
    this.pattern = pattern;
  }

  /**
   * The compiled {@code source}, from the cache when it was compiled before.
   *
   * @param parameter what the pattern is, for the error message ({@code idPattern})
   * @throws NgsiLdException BadRequestData naming the problem when {@link #problem} finds one
   */
  public static Regex compile(String source, String parameter) {
    problem(source)
        .ifPresent(
            reason -> {
              throw NgsiLdException.badRequestData(
                  parameter + " is not a supported regular expression: " + reason);
            });
    return trusted(source);
  }

  /**
   * The compiled {@code source} without the size limits, for a pattern the broker built itself from
   * quoted literals (a scope path), whose program grows only with its length.
   *
   * @throws com.google.re2j.PatternSyntaxException when it is not RE2 syntax
   */
  public static Regex trusted(String source) {
    return COMPILED.get(source, s -> new Regex(s, Pattern.compile(s)));
  }

  /**
   * Why {@code source} is not accepted (too long, too large once expanded, or not RE2 syntax, such
   * as a backreference or lookahead), or empty when it is.
   */
  public static Optional<String> problem(String source) {
    if (source.length() > MAX_LENGTH) {
      return Optional.of(
          "it has " + source.length() + " characters, at most " + MAX_LENGTH + " are allowed");
    }
    if (size(source) > MAX_SIZE) {
      return Optional.of(
          "it expands beyond "
              + MAX_SIZE
              + " atoms (characters, classes and groups, counted repetitions multiplied out);"
              + " write fewer or smaller {n} repetitions or a shorter pattern");
    }
    if (COMPILED.getIfPresent(source) != null) {
      return Optional.empty();
    }
    try {
      Pattern.compile(source);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      return Optional.of(
          e.getDescription()
              + (e.getPattern() == null || e.getPattern().isEmpty()
                  ? ""
                  : " `" + e.getPattern() + "`")
              + " (RE2 syntax; backreferences, lookaround and possessive quantifiers are not"
              + " supported)");
    }
  }

  /** True when the pattern matches somewhere in {@code text}. */
  public boolean find(CharSequence text) {
    return pattern.matcher(text).find();
  }

  public String source() {
    return source;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Regex regex && regex.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return source;
  }

  /**
   * An upper estimate of the atoms the pattern expands to: every literal, escape, class and group
   * counts one ({@code \Q...\E} its characters), and a counted repetition {@code {n}}, {@code {n,}}
   * or {@code {n,m}} multiplies the atom before it by its largest count (plus one when open).
   * Saturates instead of overflowing. Syntax errors are left to the compiler: the estimate only has
   * to be an upper bound for patterns that compile.
   */
  static long size(String source) {
    Deque<long[]> groups = new ArrayDeque<>(); // per open group: {total, last atom}
    long[] current = {0, 0};
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      switch (c) {
        case '(' -> {
          groups.push(current);
          current = new long[] {0, 0};
          i++;
        }
        case ')' -> {
          long inner = current[0] + 1;
          current = groups.isEmpty() ? new long[] {0, 0} : groups.pop();
          atom(current, inner);
          i++;
        }
        case '{' -> {
          int end = source.indexOf('}', i);
          long count = end < 0 ? -1 : largestCount(source.substring(i + 1, end));
          if (count < 0) {
            atom(current, 1);
            i++;
          } else {
            current[0] = saturated(current[0] - current[1] + multiply(current[1], count));
            current[1] = multiply(current[1], count);
            i = end + 1;
          }
        }
        case '[' -> {
          atom(current, 1);
          i = classEnd(source, i);
        }
        case '\\' -> {
          int end = escapeEnd(source, i);
          atom(current, source.startsWith("\\Q", i) ? Math.max(1, end - i - 4) : 1);
          i = end;
        }
        case '*', '+', '?' -> i++;
        case '|' -> {
          current[1] = 0;
          i++;
        }
        default -> {
          atom(current, 1);
          i++;
        }
      }
    }
    long total = current[0];
    while (!groups.isEmpty()) {
      total = saturated(total + groups.pop()[0]);
    }
    return total;
  }

  private static void atom(long[] group, long size) {
    group[0] = saturated(group[0] + size);
    group[1] = size;
  }

  /** The largest count of {@code n}, {@code n,} or {@code n,m}, or -1 when it is not a count. */
  private static long largestCount(String counts) {
    if (!counts.matches("\\d{1,9}(,\\d{0,9})?")) {
      return -1;
    }
    int comma = counts.indexOf(',');
    if (comma < 0) {
      return Long.parseLong(counts);
    }
    String upper = counts.substring(comma + 1);
    return upper.isEmpty()
        ? Long.parseLong(counts.substring(0, comma)) + 1
        : Math.max(Long.parseLong(counts.substring(0, comma)), Long.parseLong(upper));
  }

  /** The index after the character class starting at {@code start}. */
  private static int classEnd(String source, int start) {
    int i = start + 1;
    if (i < source.length() && source.charAt(i) == '^') {
      i++;
    }
    if (i < source.length() && source.charAt(i) == ']') {
      i++;
    }
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\\') {
        i = escapeEnd(source, i);
      } else if (c == '[' && source.startsWith("[:", i)) {
        int end = source.indexOf(":]", i + 2);
        i = end < 0 ? i + 1 : end + 2;
      } else if (c == ']') {
        return i + 1;
      } else {
        i++;
      }
    }
    return i;
  }

  /** The index after the escape starting at {@code start}: {@code \Q...\E}, {@code \p{..}}, .. */
  private static int escapeEnd(String source, int start) {
    if (start + 1 >= source.length()) {
      return source.length();
    }
    char next = source.charAt(start + 1);
    if (next == 'Q') {
      int end = source.indexOf("\\E", start + 2);
      return end < 0 ? source.length() : end + 2;
    }
    if ((next == 'p' || next == 'P' || next == 'x')
        && start + 2 < source.length()
        && source.charAt(start + 2) == '{') {
      int end = source.indexOf('}', start + 2);
      return end < 0 ? source.length() : end + 1;
    }
    return start + 2;
  }

  private static long multiply(long a, long b) {
    return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }

  private static long saturated(long value) {
    return value < 0 ? Long.MAX_VALUE : value;
  }
}
