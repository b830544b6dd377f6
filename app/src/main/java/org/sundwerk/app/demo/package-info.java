/** The Stralsund demo city: its entities, loaded on first start, and the simulated sensors. */
package org.sundwerk.app.demo;
