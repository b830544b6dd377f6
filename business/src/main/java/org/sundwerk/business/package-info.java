/**
 * The services and business layer: partners, the service catalog, offers and orders, packaged by
 * feature ({@code partner}, {@code catalog}, {@code offer}); values shared by every feature ({@link
 * org.sundwerk.business.Money}, {@link org.sundwerk.business.VatRate}, {@link
 * org.sundwerk.business.Text}) live here.
 */
package org.sundwerk.business;
