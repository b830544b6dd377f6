/**
 * The portal: server-rendered pages (Thymeleaf + htmx) in German and English, one layout for all,
 * and the one way a page asks who the visitor is and whether they may ({@link
 * org.sundwerk.portal.PortalGate}).
 */
package org.sundwerk.portal;
