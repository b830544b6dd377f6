/** The temporal API (clauses 5.6.11 to 5.6.16, 5.7.3, 5.7.4): history of attribute instances. */
package org.sundwerk.broker.temporal;
