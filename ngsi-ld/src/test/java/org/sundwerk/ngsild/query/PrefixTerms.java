package org.sundwerk.ngsild.query;

import org.sundwerk.ngsild.jsonld.TermDictionary;

/**
 * A stand-in term dictionary for tests: plain terms get {@code https://example.org/} as their
 * vocabulary, {@code ex:} is that prefix, the core GeoProperty names map to the NGSI-LD core
 * namespace, and absolute IRIs stay as they are.
 */
final class PrefixTerms implements TermDictionary {

  static final String EX = "https://example.org/";
  static final String CORE = "https://uri.etsi.org/ngsi-ld/";
  static final PrefixTerms TERMS = new PrefixTerms();

  private PrefixTerms() {}

  @Override
  public String expand(String term) {
    if (term.startsWith("ex:")) {
      return EX + term.substring(3);
    }
    if (term.contains(":")) {
      return term;
    }
    return switch (term) {
      case "location", "observationSpace", "operationSpace" -> CORE + term;
      default -> EX + term;
    };
  }

  @Override
  public String compact(String iri) {
    if (iri.startsWith(CORE)) {
      return iri.substring(CORE.length());
    }
    return iri.startsWith(EX) ? iri.substring(EX.length()) : iri;
  }
}
