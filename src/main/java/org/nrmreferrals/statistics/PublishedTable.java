package org.nrmreferrals.statistics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What every statistics answer has: its release and moment, its rule, and its lines for CSV. */
interface PublishedTable {
  /** The release the figures come from. */
  long release();

  Instant asOf();

  DisclosureControl disclosureControl();

  /** Rows, then subtotals, then the total(s): one CSV line each. */
  List<Map<String, Object>> lines();

  /** The lines of a table: its rows, then each margin's rows, then its total lines. */
  static List<Map<String, Object>> lines(
      List<Map<String, Object>> rows, List<Margin> margins, List<Map<String, Object>> total) {
    List<Map<String, Object>> lines = new java.util.ArrayList<>(rows);
    margins.forEach(m -> lines.addAll(m.rows()));
    lines.addAll(total);
    return lines;
  }

  /** The same lines as RFC 4180 CSV, with the table's columns. */
  String csv();
}
