/** The audit log: every write through the API and every admin action, kept per retention. */
package org.sundwerk.access.audit;
