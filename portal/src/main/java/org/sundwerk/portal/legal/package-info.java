/**
 * The legal and inclusive pages ({@code /impressum}, {@code /datenschutz}, {@code
 * /barrierefreiheit} with its feedback form, {@code /leichte-sprache}): defaults for the city,
 * Markdown that operators edit per tenant, stored in the portal's own table.
 */
package org.sundwerk.portal.legal;
