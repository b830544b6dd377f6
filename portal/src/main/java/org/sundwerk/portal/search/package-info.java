/**
 * The portal's search ({@code /suche}): documents from {@link
 * org.sundwerk.portal.search.SearchSource}s (places, services, pages), indexed per tenant in the
 * access database with German-aware matching (compound-word parts, umlauts, stemming on
 * PostgreSQL), only what anonymous readers may see.
 */
package org.sundwerk.portal.search;
