package org.sundwerk.app.api;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.ngsild.jsonld.CoreContexts;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import tools.jackson.databind.JsonNode;

/** The API's view of JSON-LD contexts: a request's context as a cached term dictionary. */
@Component
final class Contexts {

  private final ContextResolver resolver;

  Contexts(ContextResolver resolver) {
    this.resolver = resolver;
  }

  TermDictionary dictionary(Optional<JsonNode> context) {
    return context.map(resolver::resolve).orElseGet(resolver::defaultDictionary);
  }

  String coreContextUrl() {
    return CoreContexts.DEFAULT_URL;
  }
}
