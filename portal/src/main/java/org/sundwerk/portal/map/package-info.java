/** The portal's live city map: a Leaflet map and an accessible list of a tenant's entities. */
package org.sundwerk.portal.map;
