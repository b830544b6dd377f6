/**
 * The service catalog: services of partners with their lifecycle, search and filters, and each
 * service's business model canvas with its projection.
 */
package org.sundwerk.business.catalog;
