/** OGC API Features (Part 1 Core, GeoJSON) over the broker's query operations. */
package org.sundwerk.opendata.features;
