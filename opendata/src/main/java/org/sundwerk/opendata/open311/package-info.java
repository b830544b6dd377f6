/** Open311 GeoReport v2: defect reports stored as IssueTracking entities, routed per category. */
package org.sundwerk.opendata.open311;
