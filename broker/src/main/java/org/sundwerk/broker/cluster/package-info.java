/** What several broker nodes on one database need from each other: signals and one leader. */
package org.sundwerk.broker.cluster;
