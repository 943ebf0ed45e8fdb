package org.nrmreferrals.web;

/** Strong entity tags derived from an aggregate's version. */
public final class ETags {
  private ETags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
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
