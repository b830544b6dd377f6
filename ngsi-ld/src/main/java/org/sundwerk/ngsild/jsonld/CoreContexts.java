package org.sundwerk.ngsild.jsonld;

import java.util.Map;
import java.util.Optional;

/**
 * The NGSI-LD core contexts shipped as classpath resources, by the URLs that name them. The plain
 * URL without a version is the "latest" alias clients use; it stands for {@link #DEFAULT_URL}.
 */
public final class CoreContexts {

  public static final String URL_PREFIX = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context";

  /** The core context the platform speaks by default (v1.8). */
  public static final String DEFAULT_URL = URL_PREFIX + "-v1.8.jsonld";

  /** The unversioned alias; resolved as {@link #DEFAULT_URL}. */
  public static final String ALIAS_URL = URL_PREFIX + ".jsonld";

  private static final Map<String, String> RESOURCES =
      Map.of(
          URL_PREFIX + "-v1.3.jsonld",
          "ngsi-ld-core-context-v1.3.jsonld",
          URL_PREFIX + "-v1.4.jsonld",
          "ngsi-ld-core-context-v1.4.jsonld",
          URL_PREFIX + "-v1.8.jsonld",
          "ngsi-ld-core-context-v1.8.jsonld",
          URL_PREFIX + "-v1.9.jsonld",
          "ngsi-ld-core-context-v1.9.jsonld",
          ALIAS_URL,
          "ngsi-ld-core-context-v1.8.jsonld");

  private CoreContexts() {}

  /** The classpath resource (relative to this package) holding the context the URL names. */
  static Optional<String> resourceFor(String url) {
    return Optional.ofNullable(RESOURCES.get(url));
  }

  /** True when the URL names one of the bundled core contexts. */
  public static boolean isCoreContext(String url) {
    return RESOURCES.containsKey(url);
  }
}
