package org.sundwerk.ngsild.model;

import java.util.Optional;

/**
 * The closed set of NGSI-LD attribute types (clause 4.5 and 4.5.x of ETSI GS CIM 009 v1.8), each
 * with the member that carries its main value in normalized form and the key that stands for it in
 * concise form.
 */
public enum AttributeKind {
  PROPERTY("Property", "value"),
  RELATIONSHIP("Relationship", "object"),
  GEO_PROPERTY("GeoProperty", "value"),
  LANGUAGE_PROPERTY("LanguageProperty", "languageMap"),
  JSON_PROPERTY("JsonProperty", "json"),
  VOCAB_PROPERTY("VocabProperty", "vocab"),
  LIST_PROPERTY("ListProperty", "valueList"),
  LIST_RELATIONSHIP("ListRelationship", "objectList");

  private final String typeName;
  private final String valueMember;

  AttributeKind(String typeName, String valueMember) {
    this.typeName = typeName;
    this.valueMember = valueMember;
  }

  /** The value of the attribute's {@code type} member, e.g. {@code Property}. */
  public String typeName() {
    return typeName;
  }

  /** The member that holds the main value in normalized form, e.g. {@code object}. */
  public String valueMember() {
    return valueMember;
  }

  public static Optional<AttributeKind> ofTypeName(String typeName) {
    for (AttributeKind kind : values()) {
      if (kind.typeName.equals(typeName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The kind that a concise payload implies by the member it carries, if any. */
  public static Optional<AttributeKind> ofValueMember(String member) {
    return switch (member) {
      case "value" -> Optional.of(PROPERTY);
      case "object" -> Optional.of(RELATIONSHIP);
      case "languageMap" -> Optional.of(LANGUAGE_PROPERTY);
      case "json" -> Optional.of(JSON_PROPERTY);
      case "vocab" -> Optional.of(VOCAB_PROPERTY);
      case "valueList" -> Optional.of(LIST_PROPERTY);
      case "objectList" -> Optional.of(LIST_RELATIONSHIP);
      default -> Optional.empty();
    };
  }
}
