package org.sundwerk.ngsild.codec;

import java.net.URI;
import java.net.URISyntaxException;
import org.sundwerk.ngsild.error.NgsiLdException;

/** Validation of entity ids, type and attribute names (clauses 4.6.2 and 4.6.3). */
public final class Names {

  private Names() {}

  /** NGSI-LD forbids these in names since they break the query language and HTTP paths. */
  private static final String FORBIDDEN = "<>\"'=;()[]{}\\ \t\r\n";

  /** True for an absolute URI (a scheme and something after it), as entity ids must be. */
  public static boolean isUri(String candidate) {
    if (candidate == null || candidate.isEmpty() || candidate.length() > 2048) {
      return false;
    }
    try {
      URI uri = new URI(candidate);
      return uri.isAbsolute() && uri.getSchemeSpecificPart() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  public static String requireEntityId(String candidate) {
    if (!isUri(candidate)) {
      throw NgsiLdException.badRequestData(
          "Entity id '"
              + shown(candidate)
              + "' is not a URI; use a URN such as urn:ngsi-ld:Type:local-id");
    }
    return candidate;
  }

  /** The longest piece of client input quoted in an error detail. */
  static final int SHOWN_LENGTH = 200;

  /** Client input as quoted in an error detail: at most 200 characters, then "…". */
  public static String shown(String input) {
    if (input == null) {
      return "";
    }
    return input.length() <= SHOWN_LENGTH ? input : input.substring(0, SHOWN_LENGTH) + "…";
  }

  /** Checks a short name or IRI used as a type or attribute name. */
  public static String requireName(String candidate, String what) {
    if (candidate == null || candidate.isEmpty()) {
      throw NgsiLdException.badRequestData(what + " must not be empty");
    }
    if (candidate.length() > 512) {
      throw NgsiLdException.badRequestData(what + " is longer than 512 characters");
    }
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (FORBIDDEN.indexOf(c) >= 0 || Character.isISOControl(c)) {
        throw NgsiLdException.badRequestData(
            what + " '" + shown(candidate) + "' contains the forbidden character '" + c + "'");
      }
    }
    return candidate;
  }
}
