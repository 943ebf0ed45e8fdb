package org.nrmreferrals.security;

/** The roles a token may carry in its {@code groups} claim. */
public final class Roles {
  public static final String PARTNER = "partner";
  public static final String CASEWORKER = "caseworker";
  public static final String ANALYST = "analyst";
  public static final String ADMIN = "admin";

  private Roles() {}
}
