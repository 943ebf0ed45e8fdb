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

  /** The same lines as RFC 4180 CSV, with the table's columns. */
  String csv();
}
