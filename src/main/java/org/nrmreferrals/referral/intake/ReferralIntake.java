package org.nrmreferrals.referral.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.agency.Agency;
import org.nrmreferrals.agency.AgencyType;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.authority.Allocation;
import org.nrmreferrals.authority.AuthorityRegistry;
import org.nrmreferrals.protection.DataKeys.Sealer;
import org.nrmreferrals.reference.IndicatorCatalogue;
import org.nrmreferrals.reference.PoliceForce;
import org.nrmreferrals.referral.AgeGroup;
import org.nrmreferrals.referral.AgeNow;
import org.nrmreferrals.referral.PersonalData;
import org.nrmreferrals.referral.PersonalDataStore;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.referral.ReferralKind;
import org.nrmreferrals.referral.ReferralView;
import org.nrmreferrals.referral.SubmitReferralRequest;
import org.nrmreferrals.referral.duplicates.Duplicates;
import org.nrmreferrals.web.ETags;
import org.nrmreferrals.web.Problem.Violation;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.workflow.Deadlines;
import org.nrmreferrals.workflow.LegalDays;

/** Accepts referrals and Duty to Notify reports from partner agencies. */
@ApplicationScoped
class ReferralIntake {
  private final IndicatorCatalogue catalogue;
  private final ReferenceNumbers numbers;
  private final IdempotencyRecords idempotency;
  private final Clock clock;
  private final LegalDays days;
  private final Deadlines deadlines;
  private final AuditTrail audit;
  private final EntityManager em;

  private final PersonalDataStore personalData;
  private final Duplicates duplicates;
  private final AuthorityRegistry authorities;
  private final int panelDaysBeforeEighteen;
  private final java.util.Set<String> ictgAreas;

  ReferralIntake(
      IndicatorCatalogue catalogue,
      ReferenceNumbers numbers,
      IdempotencyRecords idempotency,
      Clock clock,
      LegalDays days,
      Deadlines deadlines,
      AuditTrail audit,
      PersonalDataStore personalData,
      Duplicates duplicates,
      AuthorityRegistry authorities,
      EntityManager em,
      NrmConfig config) {
    this.em = em;
    this.authorities = authorities;
    this.panelDaysBeforeEighteen = config.allocation().panelDaysBeforeEighteen();
    this.ictgAreas = java.util.Set.copyOf(config.ictg().policeForceAreas().orElse(List.of()));
    this.personalData = personalData;
    this.duplicates = duplicates;
    this.catalogue = catalogue;
    this.numbers = numbers;
    this.idempotency = idempotency;
    this.clock = clock;
    this.days = days;
    this.deadlines = deadlines;
    this.audit = audit;
  }

  /**
   * Records the submission, or replays the response to an earlier one with the same key. The
   * referral, its personal data and the idempotency record commit together or not at all.
   */
  @Transactional
  Submission submit(
      Agency agency, String submittedBy, String idempotencyKey, SubmitReferralRequest request) {
    return store(agency, submittedBy, idempotencyKey, request).submission();
  }

  /** A line of an import: its idempotency key and its referral. */
  record Line(String idempotencyKey, SubmitReferralRequest request) {}

  /**
   * A submission stored (or replayed), with the digests of the audit events it stored and its
   * reference number (null when replayed: it is in the stored answer).
   */
  record Stored(Submission submission, List<String> events, String reference) {}

  /**
   * Records several submissions in one transaction, each as {@link #submit} would: all of them, or
   * (on any refusal or failure) none.
   */
  @Transactional
  List<Stored> submitAll(Agency agency, String submittedBy, List<Line> lines) {
    List<Stored> stored = new ArrayList<>(lines.size());
    for (Line line : lines) {
      stored.add(store(agency, submittedBy, line.idempotencyKey(), line.request()));
      // Each line's entities are done with: left in the session, every later flush would check
      // them all again (measured: 61% of an import's CPU at 50 lines a transaction).
      em.flush();
      em.clear();
    }
    return stored;
  }

  private Stored store(
      Agency agency, String submittedBy, String idempotencyKey, SubmitReferralRequest request) {
    if (idempotencyKey != null) {
      String fingerprint = idempotency.fingerprint(request);
      Optional<Submission> earlier = idempotency.claim(agency.code(), idempotencyKey, fingerprint);
      if (earlier.isPresent()) {
        return new Stored(earlier.get(), List.of(), null);
      }
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    LocalDate today = days.dayOf(now);
    List<Violation> violations =
        IntakeRules.check(
            request,
            agency.type(),
            today,
            new IntakeRules.Known(
                catalogue::contains, PoliceForce::exists, ReferralIntake::isLocalAuthority));
    if (!violations.isEmpty()) {
      throw ProblemException.invalid(violations);
    }
    Referral referral =
        Referral.submitted(
            agency, submittedBy, now, request, catalogue.version(), intake(agency, request, today));
    if (referral.kind() == ReferralKind.NRM
        && referral.treatedAsChild(request.potentialVictim().dateOfBirth(), today)
        && request.exploitation().policeForce() != null
        && ictgAreas.contains(request.exploitation().policeForce())) {
      referral.changeFacts().referredToIctg(today);
    }
    referral.numbered(numbers.next(request.kind(), now));
    insert(referral);
    PersonalData personal =
        PersonalData.of(request.potentialVictim(), request.account(), request.externalReference());
    Sealer sealer = personalData.save(referral.id(), personal);
    var matches =
        duplicates.record(referral.id(), personal, request.potentialVictim().nationalities());
    Submission created =
        new Submission(
            201,
            idempotency.serialize(
                ReferralView.of(referral, personal, days, false, null, List.of(), null)),
            "/api/v1/referrals/" + referral.id(),
            ETags.of(referral.version()),
            false);
    if (idempotencyKey != null) {
      idempotency.complete(agency.code(), idempotencyKey, created, referral.id(), sealer);
    }
    // The receipt covers the intake's own event. The likely-duplicate events are not the
    // partner's to know of (caseworkers decide them; neither partner learns of the other).
    List<String> events = new ArrayList<>();
    events.add(
        audit.append(
            AuditEvent.of(Action.REFERRAL_SUBMITTED)
                .referral(referral.id(), agency.code())
                .statuses(null, referral.status())
                .detail("kind", referral.kind())
                .detail("jurisdiction", referral.jurisdiction())
                .detail("competentAuthority", referral.competentAuthority())
                .detail("ictgReferred", referral.facts().ictgReferredOn() != null ? true : null)));
    duplicates.announce(referral.id(), matches);
    return new Stored(created, events, referral.reference());
  }

  /**
   * Inserts the new referral at once, on the transaction's connection, without the persistence
   * context: nothing changes it later in the intake, so Hibernate's flush (an action queue and a
   * dirty check of every managed entity) would only add CPU to the one insert it runs.
   */
  private void insert(Referral referral) {
    try (StatelessSession session =
        em.unwrap(Session.class).statelessWithOptions().connection().open()) {
      session.insert(referral);
    }
  }

  /**
   * The RG target date, the age group now, the child's local authority (the referring agency when
   * it is a local authority and none is named) and the competent authority the case goes to.
   */
  private Referral.Intake intake(Agency agency, SubmitReferralRequest request, LocalDate today) {
    var person = request.potentialVictim();
    AgeGroup age =
        AgeNow.of(person.dateOfBirth(), request.ageGroupAtReferral(), person.estimatedAge(), today);
    boolean child = age != AgeGroup.ADULT || Boolean.TRUE.equals(request.ageDisputed());
    String local = request.childLocalAuthority();
    if (local == null && child && agency.type() == AgencyType.LOCAL_AUTHORITY) {
      local = agency.code();
    }
    boolean nearEighteen =
        person.dateOfBirth() != null
            && AgeNow.daysUntilEighteen(person.dateOfBirth(), today) <= panelDaysBeforeEighteen;
    String authority =
        authorities.allocate(
            new Allocation.Facts(
                child && !nearEighteen, !request.immigrationCircumstances().isEmpty(), local));
    boolean nrm = request.kind() == ReferralKind.NRM;
    return new Referral.Intake(
        nrm ? deadlines.rgDecisionTargetDate(request.jurisdiction(), today) : null,
        age,
        child ? local : null,
        authority);
  }

  private static boolean isLocalAuthority(String code) {
    Agency agency = Agency.findById(code);
    return agency != null && agency.type() == AgencyType.LOCAL_AUTHORITY;
  }
}
