package org.nrmreferrals.statistics;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A statistics table as JSON, or as CSV with its release, moment and rule in headers. */
final class StatisticsAnswers {
  static final String CSV = "text/csv";
  private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);

  private StatisticsAnswers() {}

  /** The table as JSON, or as CSV when the caller prefers it. */
  static Response answer(HttpHeaders headers, PublishedTable table) {
    return answer(headers, table, table);
  }

  /** The body as JSON, or the table as CSV when the caller prefers it. */
  static Response answer(HttpHeaders headers, Object body, PublishedTable table) {
    if (!wantsCsv(headers)) {
      return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
    DisclosureControl rule = table.disclosureControl();
    return Response.ok(table.csv(), MediaType.valueOf("text/csv; charset=UTF-8"))
        .header("Statistics-Release", Long.toString(table.release()))
        .header("Statistics-As-Of", table.asOf().toString())
        .header(
            "Disclosure-Control",
            rule.exact()
                ? "exact"
                : "threshold="
                    + rule.threshold()
                    + "; roundingBase="
                    + rule.roundingBase()
                    + "; maxNoise="
                    + rule.maxNoise()
                    + "; suppressedCells="
                    + rule.suppressedCells())
        .build();
  }

  /** CSV when the caller prefers it; JSON for anything else, wildcards included. */
  private static boolean wantsCsv(HttpHeaders headers) {
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isWildcardType()) {
        return false;
      }
      if (type.isCompatible(CSV_TYPE)) {
        return true;
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }
}
