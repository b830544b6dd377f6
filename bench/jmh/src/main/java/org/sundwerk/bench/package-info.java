/** JMH micro-benchmarks of the functions on every request's path: q parsing and entity codecs. */
package org.sundwerk.bench;
