/** The NGSI-LD information model: entities and their attributes, with expanded names. */
package org.sundwerk.ngsild.model;
