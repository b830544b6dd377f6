/** GeoJSON parsing and spherical geometry on WGS84 coordinates, built on JTS. */
package org.sundwerk.ngsild.geo;
