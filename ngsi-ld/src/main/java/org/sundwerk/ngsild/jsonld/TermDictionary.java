package org.sundwerk.ngsild.jsonld;

/**
 * A processed JSON-LD context reduced to what NGSI-LD payloads need: mapping short terms to IRIs
 * and back. Built once per distinct context and cached, so expanding or compacting an entity is a
 * few map look-ups per attribute, never a full JSON-LD algorithm run.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface TermDictionary {

  /**
   * Expands an attribute name or entity type as JSON-LD would expand it with {@code @vocab}
   * semantics: a defined term gives its IRI, a compact IRI ({@code prefix:suffix}) with a known
   * prefix gives the joined IRI, an absolute IRI stays as it is, and any other term gets the
   * context's {@code @vocab} (the NGSI-LD default context) prepended.
   */
  String expand(String term);

  /**
   * Compacts an IRI to the shortest term this context defines for it; failing that to a compact IRI
   * with a known prefix, or by stripping the {@code @vocab}; failing that returns the IRI.
   */
  String compact(String iri);

  /**
   * True when the term is declared with {@code "@type": "@vocab"}, so the values of a VocabProperty
   * of that name must be expanded as terms too.
   */
  default boolean isVocabTerm(String term) {
    return false;
  }

  /** The dictionary that maps every name to itself; the form in which entities are stored. */
  TermDictionary IDENTITY =
      new TermDictionary() {
        @Override
        public String expand(String term) {
          return term;
        }

        @Override
        public String compact(String iri) {
          return iri;
        }
      };
}
