package org.sundwerk.portal.search;

import java.util.stream.Stream;

/**
 * Where search documents come from. Every Spring bean of this type is asked for each tenant at
 * every reindex ({@link SearchIndexer}); adding a source (legal pages, a service catalog) is one
 * class that implements this and is a bean. Sources give only what anonymous visitors may see.
 */
public interface SearchSource {

  /**
   * The tenant's documents as of now. Called on the indexer's thread, never concurrently for the
   * same source; the stream is closed after use. Throwing leaves the tenant's previous index in
   * place (the whole reindex of that tenant is abandoned).
   */
  Stream<SearchDocument> documents(String tenant);
}
