/** NGSI-LD error types and the single exception that carries them. */
package org.sundwerk.ngsild.error;
