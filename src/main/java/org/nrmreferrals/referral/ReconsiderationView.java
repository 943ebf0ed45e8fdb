package org.nrmreferrals.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A reconsideration request as partners and caseworkers see it (who asked is the agency, never the
 * person; the reasons are in the referral's history).
 */
public record ReconsiderationView(
    UUID id,
    UUID referralId,
    ReconsideredDecision decision,
    LocalDate decidedOn,
    LocalDate dueBy,
    Instant requestedAt,
    String requestingAgency,
    List<ReconsiderationGround> grounds,
    boolean exceptionalCircumstances,
    ReconsiderationRequest.Outcome outcome,
    Instant outcomeAt) {

  public static ReconsiderationView of(ReconsiderationRequest q) {
    return new ReconsiderationView(
        q.id(),
        q.referralId(),
        q.decision(),
        q.decidedOn(),
        q.dueBy(),
        q.requestedAt(),
        q.requestingAgency(),
        q.grounds(),
        q.exceptionalCircumstances(),
        q.outcome(),
        q.outcomeAt());
  }
}
