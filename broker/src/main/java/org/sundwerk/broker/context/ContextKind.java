package org.sundwerk.broker.context;

import org.sundwerk.ngsild.error.NgsiLdException;

/** The kinds of context the broker knows (ETSI GS CIM 009, clause 5.13), by their API names. */
public enum ContextKind {
  /** Added by a user with {@code addContext}; stored durably. */
  HOSTED("Hosted"),
  /** Fetched from its remote URL and kept in the resolver's cache. */
  CACHED("Cached"),
  /** Created by the broker itself, for example for a subscription's inline context. */
  IMPLICITLY_CREATED("ImplicitlyCreated");

  private final String apiName;

  ContextKind(String apiName) {
    this.apiName = apiName;
  }

  /** The name used in the API and in {@code StoredContext#kind()}. */
  public String apiName() {
    return apiName;
  }

  /**
   * The kind with the given API name.
   *
   * @throws NgsiLdException {@code BadRequestData} for an unknown name
   */
  public static ContextKind fromApiName(String name) {
    for (ContextKind kind : values()) {
      if (kind.apiName.equals(name)) {
        return kind;
      }
    }
    throw NgsiLdException.badRequestData(
        "unknown @context kind '" + name + "'; use Hosted, Cached or ImplicitlyCreated");
  }
}
