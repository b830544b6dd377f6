/**
 * The workplaces of the portal: the application form to become a partner, the partner workplace
 * ({@code /werkstatt}: profile, status, terms, members) and the operator workplace ({@code
 * /betrieb}: applications and the partner list), in the portal's default tenant.
 */
package org.sundwerk.portal.workplace;
