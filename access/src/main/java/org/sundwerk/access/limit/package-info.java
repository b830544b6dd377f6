/** Request rate limits per API key, account and anonymous client, configurable per role. */
package org.sundwerk.access.limit;
