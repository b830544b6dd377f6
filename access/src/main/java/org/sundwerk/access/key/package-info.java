/**
 * API keys for partners, apps and devices: issued once, stored hashed, scoped, revocable; the
 * bootstrap key of the platform operator; and turning a presented key into an {@link
 * org.sundwerk.access.Actor}.
 */
package org.sundwerk.access.key;
