package org.sundwerk.portal.search;

/** The search index's database failed; the message names the tenant. */
public final class SearchIndexException extends RuntimeException {

  SearchIndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
