package org.sundwerk.app.api;

/** A Smart Data Models context URL that the platform answers offline out of the box. */
final class TestContexts {

  static final String PARKING =
      "https://raw.githubusercontent.com/smart-data-models/dataModel.Parking/master/context.jsonld";

  private TestContexts() {}
}
