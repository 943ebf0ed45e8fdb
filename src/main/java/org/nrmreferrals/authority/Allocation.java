package org.nrmreferrals.authority;

import java.util.List;

/**
 * Which competent authority decides a new case, by the stated rules: a child (now, or presumed one)
 * whose local authority is in a child panel's area goes to that panel; otherwise a person in
 * immigration detention, a foreign national offender or a person in the immigration enforcement
 * process goes to the IECA; everyone else to the SCA. Pure: the registered authorities arrive as a
 * list.
 */
public final class Allocation {
  private Allocation() {}

  /**
   * The facts of a referral that allocation reads.
   *
   * @param child a child at the time of the referral, or presumed to be one, whom a panel may
   *     decide (more than the configured number of days from 18, where the date of birth is known)
   * @param immigrationEnforcement the referral names one of the IECA's circumstances
   * @param localAuthority the agency code of the child's local authority, or null
   */
  public record Facts(boolean child, boolean immigrationEnforcement, String localAuthority) {}

  /** An active authority as allocation reads it. */
  record Candidate(String code, AuthorityKind kind, List<String> localAuthorities) {}

  /** The code of the active authority the case goes to. */
  static String allocate(Facts facts, List<Candidate> active) {
    if (facts.child() && facts.localAuthority() != null) {
      for (Candidate a : active) {
        if (a.kind() == AuthorityKind.CHILD_PANEL
            && a.localAuthorities().contains(facts.localAuthority())) {
          return a.code();
        }
      }
    }
    AuthorityKind kind = facts.immigrationEnforcement() ? AuthorityKind.IECA : AuthorityKind.SCA;
    return active.stream()
        .filter(a -> a.kind() == kind)
        .map(Candidate::code)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No active " + kind + " is registered"));
  }
}
