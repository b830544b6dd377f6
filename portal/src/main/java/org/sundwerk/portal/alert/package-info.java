/**
 * Alerts for residents: following a place or a warning by e-mail, each follow one NGSI-LD
 * subscription of the resident's account delivered in-process ({@code local:alerts}) through the
 * broker's outbox, with a one-click unsubscribe link in every mail.
 */
package org.sundwerk.portal.alert;
