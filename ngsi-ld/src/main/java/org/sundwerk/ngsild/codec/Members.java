package org.sundwerk.ngsild.codec;

import java.util.Set;

/** Member names that NGSI-LD reserves in entities and attributes; never expanded or compacted. */
final class Members {

  private Members() {}

  static final String ID = "id";
  static final String TYPE = "type";
  static final String SCOPE = "scope";
  static final String CONTEXT = "@context";
  static final String CREATED_AT = "createdAt";
  static final String MODIFIED_AT = "modifiedAt";
  static final String OBSERVED_AT = "observedAt";
  static final String UNIT_CODE = "unitCode";
  static final String DATASET_ID = "datasetId";
  static final String LANG = "lang";

  /** Entity-level members that are not attributes. */
  static final Set<String> ENTITY_RESERVED =
      Set.of(ID, "@id", TYPE, "@type", SCOPE, CONTEXT, CREATED_AT, MODIFIED_AT, "deletedAt");

  /** Attribute-level members that are not sub-attributes. */
  static final Set<String> ATTRIBUTE_RESERVED =
      Set.of(
          TYPE,
          "value",
          "object",
          "objectType",
          "languageMap",
          "json",
          "vocab",
          "valueList",
          "objectList",
          OBSERVED_AT,
          UNIT_CODE,
          DATASET_ID,
          CREATED_AT,
          MODIFIED_AT,
          "deletedAt",
          "instanceId",
          LANG,
          "previousValue",
          "previousObject",
          "previousLanguageMap",
          "previousJson",
          "previousVocab",
          "previousValueList",
          "previousObjectList");

  /** Attributes whose type NGSI-LD fixes to GeoProperty (clause 4.7). */
  static final Set<String> GEO_ATTRIBUTES =
      Set.of(
          "https://uri.etsi.org/ngsi-ld/location",
          "https://uri.etsi.org/ngsi-ld/observationSpace",
          "https://uri.etsi.org/ngsi-ld/operationSpace");
}
