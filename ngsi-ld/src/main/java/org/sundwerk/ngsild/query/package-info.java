/**
 * The NGSI-LD query languages ({@code q}, {@code scopeQ}, {@code geoQ}, type selectors) as
 * immutable ASTs, their parsers and the in-memory evaluator.
 */
package org.sundwerk.ngsild.query;
