package org.sundwerk.broker.context;

import java.util.Optional;
import org.sundwerk.ngsild.jsonld.HostedContexts;

/**
 * The URLs under which the broker serves hosted contexts: {@code
 * {baseUrl}/ngsi-ld/v1/jsonldContexts/{id}}. Also the {@link HostedContexts} view of the store that
 * lets the resolver read such URLs without HTTP. Immutable and thread-safe.
 */
public final class HostedContextUrls implements HostedContexts {

  /** The path of the contexts resource below the base URL. */
  public static final String PATH = "/ngsi-ld/v1/jsonldContexts/";

  private final ContextStore store;
  private final String prefix;

  /**
   * @param baseUrl the broker's external base URL, such as {@code https://broker.example.org}; a
   *     trailing slash is ignored
   */
  public HostedContextUrls(ContextStore store, String baseUrl) {
    this.store = store;
    this.prefix =
        (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + PATH;
  }

  /** The URL of the hosted context with the id. */
  public String urlOf(String id) {
    return prefix + id;
  }

  /** The id in a URL of this broker's contexts resource. */
  public Optional<String> idOf(String url) {
    if (!url.startsWith(prefix) || url.length() == prefix.length()) {
      return Optional.empty();
    }
    String id = url.substring(prefix.length());
    return id.contains("/") ? Optional.empty() : Optional.of(id);
  }

  @Override
  public Optional<String> find(String url) {
    return idOf(url).flatMap(store::find).map(context -> context.body());
  }
}
