package org.nrmreferrals.security;

/** The roles a token may carry in its {@code groups} claim. */
public final class Roles {
  public static final String PARTNER = "partner";
  public static final String CASEWORKER = "caseworker";
  public static final String ANALYST = "analyst";

  /** An official statistician: a release's exact figures, every read audited. */
  public static final String STATISTICIAN = "statistician";

  public static final String ADMIN = "admin";

  private Roles() {}
}
