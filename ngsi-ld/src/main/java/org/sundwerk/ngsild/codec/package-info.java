/**
 * Reading NGSI-LD payloads (normalized and concise) into the model and writing the model in the
 * representations of clause 4.5 (normalized, concise, keyValues/simplified, GeoJSON), with names
 * expanded or compacted by a term dictionary.
 */
package org.sundwerk.ngsild.codec;
