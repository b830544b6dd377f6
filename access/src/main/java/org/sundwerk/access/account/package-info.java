/**
 * Local accounts: registration with e-mail verification, Argon2id passwords under NIST SP 800-63B
 * rules, password reset, failed-login lockout, and the roles an account holds per tenant.
 */
package org.sundwerk.access.account;
