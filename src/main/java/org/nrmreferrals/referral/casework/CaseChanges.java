package org.nrmreferrals.referral.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.referral.ReferralKind;
import org.nrmreferrals.referral.ReferralQueries;
import org.nrmreferrals.referral.ReferralView;
import org.nrmreferrals.referral.SealedText;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.ETags;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;
import org.nrmreferrals.workflow.Workflow;

/**
 * What every change to a case shares: finding the case the caller may change at the version it last
 * read, writing the change with its audit event, and answering with the case as it is now.
 */
@ApplicationScoped
class CaseChanges {
  private final ReferralQueries queries;
  private final AuditTrail audit;
  private final EntityManager em;
  private final Clock clock;
  private final SealedText sealedText;

  CaseChanges(
      ReferralQueries queries,
      AuditTrail audit,
      EntityManager em,
      Clock clock,
      SealedText sealedText) {
    this.sealedText = sealedText;
    this.queries = queries;
    this.audit = audit;
    this.em = em;
    this.clock = clock;
  }

  /** The case, if the caller may see it (404 otherwise). */
  Referral visible(Caller caller, UUID id) {
    return queries.visible(caller, id);
  }

  /** The case, if the caller may see it (404 otherwise) and If-Match names its version. */
  Referral changeable(Caller caller, UUID id, String ifMatch) {
    Referral r = queries.visible(caller, id);
    ETags.requireMatch(ifMatch, r.version());
    return r;
  }

  /** An NRM case the caller may change that can still change: 409 for a report or a final case. */
  Referral open(Caller caller, UUID id, String ifMatch) {
    Referral r = changeable(caller, id, ifMatch);
    if (r.kind() != ReferralKind.NRM || Workflow.isFinal(r.status())) {
      throw new ProblemException(
          ProblemType.CONFLICT, "The case is " + r.status() + " and can no longer change.");
    }
    return r;
  }

  /**
   * Inserts a fact beside the case; a concurrent insert that a unique index refuses (one pending
   * request, one live disqualification) is the 409 the caller names, not a 500.
   */
  void insert(io.quarkus.hibernate.orm.panache.PanacheEntityBase fact, String conflict) {
    try {
      em.persist(fact);
      em.flush();
    } catch (jakarta.persistence.PersistenceException e) {
      if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException
          || e instanceof org.hibernate.exception.ConstraintViolationException) {
        throw new ProblemException(ProblemType.CONFLICT, conflict);
      }
      throw e;
    }
  }

  /**
   * Moves the case's version on although none of its own columns changed, because a fact beside it
   * did (a request, a disqualification): its ETag then changes with what its view shows.
   */
  void touch(Referral r) {
    try {
      // Pessimistic: the version moves now (its row locked until the commit), so the answer
      // carries the new ETag.
      em.lock(r, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    } catch (OptimisticLockException e) {
      throw ETags.stale(r.version() + 1);
    }
  }

  /**
   * Writes the referral's change first, turning a concurrent winner into a 412, then stores the
   * event, its reason sealed under the referral's data key: the row lock, held to the commit, keeps
   * the referral's events in the order of its changes.
   */
  void append(AuditEvent event, Referral r) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw ETags.stale(r.version() + 1);
    }
    audit.append(withSealedReason(event, r));
  }

  /** The event, its reason (if any) to be sealed under the referral's data key. */
  AuditEvent withSealedReason(AuditEvent event, Referral r) {
    return event.hasReason() ? event.sealReasonWith(sealedText.sealerFor(r)) : event;
  }

  Changed changed(Caller caller, Referral r) {
    return new Changed(r.version(), queries.view(caller, r));
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The referral after a change, with the version its ETag carries. */
  record Changed(long version, ReferralView view) {
    /** The answer: the case as changed, with its new ETag. */
    Response respond(Response.Status status) {
      return Response.status(status)
          .entity(view)
          .header(HttpHeaders.ETAG, ETags.of(version))
          .build();
    }

    Response ok() {
      return respond(Response.Status.OK);
    }
  }
}
