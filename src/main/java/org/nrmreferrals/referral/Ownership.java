package org.nrmreferrals.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** Who owns a case (its competent authority) and who works it (a caseworker of that authority). */
@Embeddable
public class Ownership {
  @Column(name = "competent_authority")
  private String competentAuthority;

  private String assignee;

  @Column(name = "assigned_at")
  private Instant assignedAt;

  protected Ownership() {}

  Ownership(String competentAuthority) {
    this.competentAuthority = competentAuthority;
  }

  /** Hands the case to another authority; whoever worked it no longer does. */
  void transferTo(String authority) {
    competentAuthority = authority;
    unassign();
  }

  /** False when the case is this caseworker's already. */
  boolean assign(String caseworker, Instant at) {
    if (caseworker.equals(assignee)) {
      return false;
    }
    assignee = caseworker;
    assignedAt = at;
    return true;
  }

  void unassign() {
    assignee = null;
    assignedAt = null;
  }

  String competentAuthority() {
    return competentAuthority;
  }

  String assignee() {
    return assignee;
  }
}
