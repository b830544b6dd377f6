/**
 * The portal's offer pages: a service's offers in plain words, ordering with consent, one's own
 * orders, and the partner workplace for a partner's offers and the orders placed on them.
 */
package org.sundwerk.portal.offer;
