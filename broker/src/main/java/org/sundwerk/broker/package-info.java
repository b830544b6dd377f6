/** The broker: NGSI-LD operations over the store ports, free of Spring and JDBC. */
package org.sundwerk.broker;
