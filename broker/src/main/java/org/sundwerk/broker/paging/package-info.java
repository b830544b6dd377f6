/** Which page of a query's results a client asks for, its one check, and the page it gets. */
package org.sundwerk.broker.paging;
