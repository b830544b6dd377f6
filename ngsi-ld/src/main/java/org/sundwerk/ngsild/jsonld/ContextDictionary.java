package org.sundwerk.ngsild.jsonld;

import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.TermDefinition;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@link TermDictionary} extracted from a context processed by a JSON-LD processor: the
 * top-level term definitions, prefixes, {@code @vocab} and the terms typed {@code @vocab}. Scoped
 * contexts (type- or property-scoped) are not applied: an NGSI-LD payload is expanded term by term.
 * Immutable and thread-safe.
 */
public final class ContextDictionary implements TermDictionary {

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  private static final Comparator<String> SHORTEST_FIRST =
      Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  private final Map<String, String> terms;
  private final Map<String, String> inverse;
  private final Map<String, String> prefixes;
  private final Set<String> vocabTerms;
  private final Optional<String> vocab;

  private ContextDictionary(
      Map<String, String> terms,
      Map<String, String> inverse,
      Map<String, String> prefixes,
      Set<String> vocabTerms,
      Optional<String> vocab) {
    this.terms = Map.copyOf(terms);
    this.inverse = Map.copyOf(inverse);
    this.prefixes = Map.copyOf(prefixes);
    this.vocabTerms = Set.copyOf(vocabTerms);
    this.vocab = vocab;
  }

  /** Extracts the dictionary from titanium's active context. */
  static ContextDictionary of(ActiveContext context) {
    Map<String, String> terms = new HashMap<>();
    Map<String, String> inverse = new HashMap<>();
    Map<String, String> prefixes = new HashMap<>();
    Set<String> vocabTerms = new HashSet<>();
    for (Map.Entry<String, TermDefinition> entry : context.getTermsMapping().entrySet()) {
      String term = entry.getKey();
      TermDefinition definition = entry.getValue();
      if (definition == null || definition.getUriMapping() == null) {
        continue; // a term explicitly mapped to null: JSON-LD leaves it undefined
      }
      String iri = definition.getUriMapping();
      terms.put(term, iri);
      if (definition.isPrefix()) {
        prefixes.put(term, iri);
      }
      if ("@vocab".equals(definition.getTypeMapping())) {
        vocabTerms.add(term);
      }
      if (!iri.startsWith("@")) {
        inverse.merge(iri, term, (a, b) -> SHORTEST_FIRST.compare(a, b) <= 0 ? a : b);
      }
    }
    return new ContextDictionary(
        terms, inverse, prefixes, vocabTerms, Optional.ofNullable(context.getVocabularyMapping()));
  }

  @Override
  public String expand(String term) {
    String iri = terms.get(term);
    if (iri != null) {
      return iri;
    }
    if (term.startsWith("@")) {
      return term;
    }
    int colon = term.indexOf(':');
    if (colon > 0) {
      String prefix = term.substring(0, colon);
      String suffix = term.substring(colon + 1);
      String prefixIri = prefixes.get(prefix);
      if (prefixIri != null && !suffix.startsWith("//")) {
        return prefixIri + suffix;
      }
      if (SCHEME.matcher(prefix).matches()) {
        return term; // an absolute IRI
      }
    }
    return vocab.map(v -> v + term).orElse(term);
  }

  @Override
  public String compact(String iri) {
    String term = inverse.get(iri);
    if (term != null) {
      return term;
    }
    // As JSON-LD's IRI compaction: vocabulary-relative before compact IRIs, so the default
    // context's attributes come back as plain names, not as "ngsi-ld:default-context/...".
    if (vocab.isPresent() && iri.startsWith(vocab.get()) && iri.length() > vocab.get().length()) {
      String suffix = iri.substring(vocab.get().length());
      if (expand(suffix).equals(iri)) {
        return suffix;
      }
    }
    String best = null;
    for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
      String prefixIri = prefix.getValue();
      if (iri.length() > prefixIri.length() && iri.startsWith(prefixIri)) {
        String candidate = prefix.getKey() + ":" + iri.substring(prefixIri.length());
        if ((best == null || SHORTEST_FIRST.compare(candidate, best) < 0)
            && !terms.containsKey(candidate)
            && expand(candidate).equals(iri)) {
          best = candidate;
        }
      }
    }
    return best == null ? iri : best;
  }

  @Override
  public boolean isVocabTerm(String term) {
    return vocabTerms.contains(term);
  }

  /** Every defined term with the IRI (or keyword, for aliases such as {@code id}) it maps to. */
  public Map<String, String> terms() {
    return terms;
  }

  /** The prefixes usable in compact IRIs, with their IRIs. */
  public Map<String, String> prefixes() {
    return prefixes;
  }

  /** The vocabulary mapping ({@code @vocab}) of the context. */
  public Optional<String> vocab() {
    return vocab;
  }
}
