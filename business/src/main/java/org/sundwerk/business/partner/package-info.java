/**
 * Partner organisations of a tenant (city offices, municipal companies, businesses, associations,
 * science, citizen initiatives): their profile, their onboarding from application to active partner
 * with a history that is never deleted, the versioned partner terms they accept, and their members
 * (roles held in the access layer).
 */
package org.sundwerk.business.partner;
