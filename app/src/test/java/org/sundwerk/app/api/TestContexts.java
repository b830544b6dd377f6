package org.sundwerk.app.api;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The Smart Data Models contexts of the test resources, as a preloaded-contexts directory. */
final class TestContexts {

  static final String PARKING =
      "https://raw.githubusercontent.com/smart-data-models/dataModel.Parking/master/context.jsonld";

  private TestContexts() {}

  static Path preloadedDirectory() {
    try {
      return Path.of(TestContexts.class.getResource("/smart-data-models/index.json").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
