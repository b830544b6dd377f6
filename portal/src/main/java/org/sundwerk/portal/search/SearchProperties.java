package org.sundwerk.portal.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The search's settings under {@code sundwerk.portal.search.*}.
 *
 * @param reindexInterval how often every municipality's index is rebuilt from the sources, after
 *     the first build at start; default 10 min; 0 or negative: only at start
 * @param maxResults the most results one search shows; default 50, at least 1
 */
@ConfigurationProperties("sundwerk.portal.search")
public record SearchProperties(
    @DefaultValue("10m") Duration reindexInterval, @DefaultValue("50") int maxResults) {

  public SearchProperties {
    if (maxResults < 1) {
      throw new IllegalArgumentException("sundwerk.portal.search.max-results must be at least 1");
    }
  }
}
