package org.sundwerk.ngsild.jsonld;

import java.util.Optional;

/**
 * The contexts the broker hosts itself ({@code /jsonldContexts}), looked up by the URL under which
 * it serves them, so that resolving such a URL never goes over HTTP. Implemented by the broker on
 * top of its context store; must be thread-safe.
 */
@FunctionalInterface
public interface HostedContexts {

  /** The hosted context document (JSON text with an {@code @context} member) for the URL. */
  Optional<String> find(String url);

  /** No hosted contexts. */
  HostedContexts NONE = url -> Optional.empty();
}
