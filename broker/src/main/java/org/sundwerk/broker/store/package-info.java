/**
 * The ports through which the broker's operations reach storage; implemented by the store module.
 */
package org.sundwerk.broker.store;
