/**
 * The public service catalog in the portal ({@code /dienste}): search and filters, service pages
 * with their live data, and the catalog's services in the portal search.
 */
package org.sundwerk.portal.catalog;
