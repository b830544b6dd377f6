/**
 * Local accounts: registration with e-mail verification, Argon2id passwords under NIST SP 800-63B
 * rules, password reset, failed-login lockout, the roles an account holds per tenant, and the OIDC
 * identities linked to it.
 */
package org.sundwerk.access.account;
