package org.sundwerk.portal.place;

import java.util.List;

/**
 * A reading rated in plain language, with the thresholds that give the rating.
 *
 * @param level {@code ok}, {@code warn} or {@code alert}: the CSS class; the verdict says the same
 *     in words, so colour is never the only sign
 * @param verdict the rating in words, e.g. "Ausgezeichnet"
 * @param explanation why: the values compared with the thresholds that applied
 * @param caption the caption of the threshold table
 * @param head the threshold table's column heads (the first heads the row names)
 * @param rows the threshold table's rows, the row name first
 * @param basis where the thresholds come from and what they mean
 */
record Rating(
    String level,
    String verdict,
    String explanation,
    String caption,
    List<String> head,
    List<List<String>> rows,
    String basis) {

  Rating {
    head = List.copyOf(head);
    rows = rows.stream().map(List::copyOf).toList();
  }
}
