package org.nrmreferrals.authority;

/**
 * What a competent authority is: the Single Competent Authority, the Immigration Enforcement
 * Competent Authority, or a devolved child decision-making panel of some local authority areas.
 */
public enum AuthorityKind {
  SCA,
  IECA,
  CHILD_PANEL
}
