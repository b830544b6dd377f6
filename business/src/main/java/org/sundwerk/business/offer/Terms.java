package org.sundwerk.business.offer;

import java.util.Objects;
import org.sundwerk.business.Text;

/** One version of an offer's terms (Markdown, German and English); consent names the version. */
public record Terms(int version, Text markdown) {

  public Terms {
    Objects.requireNonNull(markdown, "markdown");
    if (version < 1) {
      throw new IllegalArgumentException("terms versions count from 1");
    }
  }
}
