/** The DCAT-AP.de 3.0 catalog of a tenant (Turtle, RDF/XML, JSON-LD) and its bulk downloads. */
package org.sundwerk.opendata.dcat;
