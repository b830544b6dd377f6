/**
 * The detail page of a place or sensor ({@code /orte/{id}}): what anonymous visitors may see of one
 * entity, its readings rated in plain language, and its history from the temporal API.
 */
package org.sundwerk.portal.place;
