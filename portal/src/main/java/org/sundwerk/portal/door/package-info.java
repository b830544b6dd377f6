/**
 * The front doors per target group ({@code /einwohner}, {@code /touristen}, {@code /senioren},
 * {@code /familien}, {@code /unternehmen}): what each group needs now, by season of the injected
 * clock, from a declarative table ({@link org.sundwerk.portal.door.DoorTable}) filled with live
 * figures of public entities.
 */
package org.sundwerk.portal.door;
