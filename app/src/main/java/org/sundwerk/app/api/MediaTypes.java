package org.sundwerk.app.api;

import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/** The media types of the NGSI-LD API (clause 6.3.4) and content negotiation over them. */
final class MediaTypes {

  static final MediaType JSON = MediaType.APPLICATION_JSON;
  static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");
  static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
  static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

  private MediaTypes() {}

  /** The request body's media type; only JSON, JSON-LD (and merge-patch for merges) pass. */
  static MediaType requestType(String contentType, boolean mergePatchAllowed) {
    if (contentType == null || contentType.isBlank()) {
      throw new NgsiLdException(
          ErrorType.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type is missing; send application/json or application/ld+json");
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      throw new NgsiLdException(
          ErrorType.UNSUPPORTED_MEDIA_TYPE, "Unreadable Content-Type " + contentType);
    }
    if (type.isCompatibleWith(JSON_LD)) {
      return JSON_LD;
    }
    if (type.isCompatibleWith(JSON) || (mergePatchAllowed && type.isCompatibleWith(MERGE_PATCH))) {
      return JSON;
    }
    throw new NgsiLdException(
        ErrorType.UNSUPPORTED_MEDIA_TYPE,
        "Content-Type "
            + contentType
            + " is not supported; send application/json or application/ld+json");
  }

  /**
   * The response media type for an Accept header: the acceptable type with the highest quality
   * among JSON, JSON-LD and (where the resource offers it) GeoJSON; JSON when anything goes.
   */
  static MediaType negotiate(String accept, boolean geoJsonOffered) {
    if (accept == null || accept.isBlank()) {
      return JSON;
    }
    List<MediaType> accepted;
    try {
      accepted = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      throw new NgsiLdException(ErrorType.NOT_ACCEPTABLE, "Unreadable Accept header " + accept);
    }
    accepted = new java.util.ArrayList<>(accepted);
    // Stable sort: among equal qualities the client's order decides.
    accepted.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
    for (MediaType wanted : accepted) {
      if (wanted.getQualityValue() == 0) {
        continue;
      }
      if (wanted.equalsTypeAndSubtype(JSON_LD)) {
        return JSON_LD;
      }
      if (wanted.equalsTypeAndSubtype(GEO_JSON) && geoJsonOffered) {
        return GEO_JSON;
      }
      if (wanted.includes(JSON)) {
        return JSON;
      }
    }
    throw new NgsiLdException(
        ErrorType.NOT_ACCEPTABLE,
        "None of "
            + accept
            + " can be produced; ask for application/json or application/ld+json"
            + (geoJsonOffered ? " or application/geo+json" : ""));
  }
}
