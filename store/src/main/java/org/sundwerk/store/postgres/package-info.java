/** The PostgreSQL dialect of the store: JSONB documents, PostGIS bounding boxes, ARE regexps. */
package org.sundwerk.store.postgres;
