/** JSON-LD context handling: resolving contexts and turning them into cached term dictionaries. */
package org.sundwerk.ngsild.jsonld;
