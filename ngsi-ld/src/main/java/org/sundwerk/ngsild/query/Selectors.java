package org.sundwerk.ngsild.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The shared boolean syntax of the type and scope selectors: {@code ,} and {@code |} mean any of,
 * {@code ;} means all of and binds tighter, parentheses group. The leaves are read by the caller.
 */
final class Selectors<T> {

  private final Cursor in;
  private final Function<Cursor, T> leaf;
  private final Function<List<T>, T> anyOf;
  private final Function<List<T>, T> allOf;

  private Selectors(
      Cursor in, Function<Cursor, T> leaf, Function<List<T>, T> anyOf, Function<List<T>, T> allOf) {
    this.in = in;
    this.leaf = leaf;
    this.anyOf = anyOf;
    this.allOf = allOf;
  }

  static <T> T parse(
      Cursor in, Function<Cursor, T> leaf, Function<List<T>, T> anyOf, Function<List<T>, T> allOf) {
    Selectors<T> run = new Selectors<>(in, leaf, anyOf, allOf);
    T result = run.any();
    if (!in.atEnd()) {
      throw in.error(
          in.peek() == ')'
              ? "Unbalanced ')'"
              : "Expected ',', '|', ';' or the end but found " + in.found());
    }
    return result;
  }

  /** True for the characters that cannot be part of a leaf. */
  static boolean isSyntax(char c) {
    return c == ',' || c == '|' || c == ';' || c == '(' || c == ')';
  }

  private T any() {
    List<T> parts = new ArrayList<>();
    parts.add(all());
    while (in.accept(",") || in.accept("|")) {
      parts.add(all());
    }
    return parts.size() == 1 ? parts.getFirst() : anyOf.apply(parts);
  }

  private T all() {
    List<T> parts = new ArrayList<>();
    parts.add(primary());
    while (in.accept(";")) {
      parts.add(primary());
    }
    return parts.size() == 1 ? parts.getFirst() : allOf.apply(parts);
  }

  private T primary() {
    if (in.peek() != '(') {
      in.countTerm();
      return leaf.apply(in);
    }
    int open = in.position();
    in.next();
    in.enterGroup();
    T inner = any();
    if (!in.accept(")")) {
      throw in.errorAt("Missing ')' for the '(' opened", open);
    }
    in.leaveGroup();
    return inner;
  }
}
