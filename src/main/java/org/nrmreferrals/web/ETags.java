package org.nrmreferrals.web;

/** Strong entity tags derived from an aggregate's version. */
public final class ETags {
  private ETags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * Checks an If-Match header against the current version: 428 when absent (or {@code *}, which
   * would defeat the check), 412 when it names another version.
   */
  public static void requireMatch(String ifMatch, long version) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      throw new ProblemException(
          ProblemType.PRECONDITION_REQUIRED,
          "Send If-Match with the ETag of the version you read, so a concurrent change is not"
              + " overwritten.");
    }
    String tag = of(version);
    for (String candidate : ifMatch.split(",")) {
      if (candidate.trim().equals(tag)) {
        return;
      }
    }
    throw stale(version);
  }

  /** 412: the caller's copy is out of date. */
  public static ProblemException stale(long version) {
    return new ProblemException(
        ProblemType.PRECONDITION_FAILED,
        "The resource has changed since you read it (now version "
            + version
            + "); read it again and decide on the current state.");
  }

  /** True when an If-None-Match header names this version (or is *). */
  public static boolean matches(String header, long version) {
    if (header == null) {
      return false;
    }
    String tag = of(version);
    for (String candidate : header.split(",")) {
      String c = candidate.trim();
      if (c.equals("*") || c.equals(tag) || c.equals("W/" + tag)) {
        return true;
      }
    }
    return false;
  }
}
