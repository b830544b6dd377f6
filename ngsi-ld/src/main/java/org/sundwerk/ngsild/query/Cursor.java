package org.sundwerk.ngsild.query;

import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * A read position in one query parameter, shared by the hand-written parsers so that every error
 * names what was wrong, the 1-based character position and the parameter text. Not thread-safe; one
 * instance per parse.
 */
final class Cursor {

  /** Longest accepted query parameter, in characters. */
  static final int MAX_LENGTH = 4096;

  /** Deepest accepted nesting of parentheses. */
  static final int MAX_DEPTH = 32;

  /** Most accepted terms (comparisons, names or scope patterns) in one parameter. */
  static final int MAX_TERMS = 100;

  private final String parameter;
  private final String text;
  private int pos;
  private int depth;
  private int terms;

  Cursor(String parameter, String text) {
    this.parameter = parameter;
    this.text = text == null ? "" : text;
    if (this.text.isEmpty()) {
      throw NgsiLdException.badRequestData("The " + parameter + " parameter is empty");
    }
    if (this.text.length() > MAX_LENGTH) {
      throw new NgsiLdException(
          ErrorType.TOO_COMPLEX_QUERY,
          "The "
              + parameter
              + " parameter has "
              + this.text.length()
              + " characters; at most "
              + MAX_LENGTH
              + " are accepted");
    }
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  /** The current character, or {@code 0} at the end. */
  char peek() {
    return atEnd() ? 0 : text.charAt(pos);
  }

  boolean startsWith(String token) {
    return text.startsWith(token, pos);
  }

  /** Consumes {@code token} if the text continues with it. */
  boolean accept(String token) {
    if (startsWith(token)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  char next() {
    return text.charAt(pos++);
  }

  int position() {
    return pos;
  }

  void reset(int position) {
    pos = position;
  }

  String slice(int from, int to) {
    return text.substring(from, to);
  }

  void enterGroup() {
    if (++depth > MAX_DEPTH) {
      throw tooComplex("more than " + MAX_DEPTH + " nested parentheses");
    }
  }

  void leaveGroup() {
    depth--;
  }

  void countTerm() {
    if (++terms > MAX_TERMS) {
      throw tooComplex("more than " + MAX_TERMS + " terms");
    }
  }

  /** A BadRequestData error at the current position. */
  NgsiLdException error(String what) {
    return errorAt(what, pos);
  }

  NgsiLdException errorAt(String what, int position) {
    return NgsiLdException.badRequestData(
        what + " at position " + (position + 1) + " in " + parameter + ": " + text);
  }

  /** Describes the current character for messages, e.g. {@code "'&'"} or {@code "end of input"}. */
  String found() {
    return atEnd() ? "end of input" : "'" + peek() + "'";
  }

  private NgsiLdException tooComplex(String what) {
    return new NgsiLdException(
        ErrorType.TOO_COMPLEX_QUERY,
        "The " + parameter + " parameter has " + what + " at position " + (pos + 1) + ": " + text);
  }
}
