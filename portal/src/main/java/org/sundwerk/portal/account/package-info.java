/**
 * Accounts in the portal: registration with e-mail verification, login and logout, password reset,
 * and the account page (profile, API keys, data export, deletion).
 */
package org.sundwerk.portal.account;
