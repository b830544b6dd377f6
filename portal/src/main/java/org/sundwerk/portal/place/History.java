package org.sundwerk.portal.place;

import java.util.List;

/**
 * The history of one reading over a {@link Period}: averages, minima and maxima per bucket,
 * computed in SQL by the temporal store.
 *
 * @param term the attribute's term
 * @param label what it is, e.g. "Wassertemperatur"
 * @param unit its unit as shown, e.g. "°C"
 * @param period the span's key
 * @param points the buckets that hold values, in time order
 * @param summary the history in one sentence (lowest, highest, latest), or a note that there is
 *     none
 */
record History(
    String term, String label, String unit, String period, List<Point> points, String summary) {

  History {
    points = List.copyOf(points);
  }

  /**
   * One bucket, values as shown (scaled, rounded).
   *
   * @param start the bucket's start in epoch seconds
   * @param time the start in the reader's locale and the portal's zone
   * @param avg the mean
   * @param min the lowest value
   * @param max the highest value
   * @param avgText the mean as text in the reader's locale
   * @param minText the lowest value as text
   * @param maxText the highest value as text
   */
  record Point(
      long start,
      String time,
      double avg,
      double min,
      double max,
      String avgText,
      String minText,
      String maxText) {}
}
