package org.sundwerk.ngsild.query;

/** Comparison operators of the {@code q} language with their surface syntax. */
public enum Operator {
  EQUAL("=="),
  UNEQUAL("!="),
  GREATER(">"),
  GREATER_EQ(">="),
  LESS("<"),
  LESS_EQ("<="),
  MATCHES_PATTERN("~="),
  NOT_MATCHES_PATTERN("!~=");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
