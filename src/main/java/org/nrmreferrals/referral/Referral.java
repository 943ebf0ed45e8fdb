package org.nrmreferrals.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.nrmreferrals.agency.Agency;
import org.nrmreferrals.reference.ExploitationType;
import org.nrmreferrals.reference.Jurisdiction;
import org.nrmreferrals.workflow.CgFinding;
import org.nrmreferrals.workflow.Deadlines;
import org.nrmreferrals.workflow.ReferralStatus;
import org.nrmreferrals.workflow.Stage;
import org.nrmreferrals.workflow.Workflow;

/** A referral's coded facts; what identifies the person is in {@link PersonalData}. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {
  @Id private UUID id;

  /**
   * Written once by SQL (the intake's ReferenceNumbers), never by an entity update: the number is
   * taken at the end of the intake transaction, after the row was inserted with a placeholder.
   */
  @Column(updatable = false)
  private String reference;

  @Enumerated(EnumType.STRING)
  private ReferralKind kind;

  @Enumerated(EnumType.STRING)
  private ReferralStatus status;

  @Enumerated(EnumType.STRING)
  private Jurisdiction jurisdiction;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "agency_code")
  private Agency agency;

  @Column(name = "submitted_by")
  private String submittedBy;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Enumerated(EnumType.STRING)
  private Gender gender;

  @Column(name = "estimated_age")
  private Integer estimatedAge;

  @JdbcTypeCode(SqlTypes.ARRAY)
  private List<String> nationalities;

  @Column(name = "country_of_origin")
  private String countryOfOrigin;

  @Column(name = "interpreter_needed")
  private Boolean interpreterNeeded;

  @Enumerated(EnumType.STRING)
  @Column(name = "age_at_exploitation")
  private AgeAtExploitation ageAtExploitation;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "exploitation_types")
  private List<String> exploitationTypes;

  @Column(name = "county_lines")
  private boolean countyLines;

  @Enumerated(EnumType.STRING)
  @Column(name = "exploitation_location")
  private ExploitationLocation exploitationLocation;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "overseas_countries")
  private List<String> overseasCountries;

  @Column(name = "police_force")
  private String policeForce;

  @JdbcTypeCode(SqlTypes.ARRAY)
  private List<String> indicators;

  @Column(name = "indicator_catalogue_version")
  private int indicatorCatalogueVersion;

  @Column(name = "consent_referral")
  private Boolean consentReferral;

  @Column(name = "consent_support")
  private Boolean consentSupport;

  @Column(name = "consent_police_contact")
  private Boolean consentPoliceContact;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "support_needs")
  private List<String> supportNeeds;

  @Column(name = "rg_decision_target_date")
  private LocalDate rgDecisionTargetDate;

  @Column(name = "rg_decided_at")
  private Instant rgDecidedAt;

  @Column(name = "recovery_period_ends_on")
  private LocalDate recoveryPeriodEndsOn;

  @Column(name = "support_period_ends_on")
  private LocalDate supportPeriodEndsOn;

  @Column(name = "cg_decided_at")
  private Instant cgDecidedAt;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "cg_findings")
  private List<String> cgFindings = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "suspended_from")
  private ReferralStatus suspendedFrom;

  @Embedded private Ownership ownership;

  @Embedded private AgeFacts age;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "immigration_circumstances")
  private List<String> immigrationCircumstances = new ArrayList<>();

  @Column(name = "child_local_authority")
  private String childLocalAuthority;

  @Enumerated(EnumType.STRING)
  private Stage reconsidering;

  @Enumerated(EnumType.STRING)
  @Column(name = "pending_status")
  private ReferralStatus pendingStatus;

  @Column(name = "pending_requested_by")
  private String pendingRequestedBy;

  @Column(name = "pending_requested_at")
  private Instant pendingRequestedAt;

  @Embedded private SupportFacts support;

  @Column(name = "personal_data_erased_at")
  private Instant personalDataErasedAt;

  @Column(name = "legal_hold")
  private boolean legalHold;

  @Column(name = "status_since")
  private Instant statusSince;

  @Version private long version;

  protected Referral() {}

  /** A new referral or Duty to Notify report, as submitted. */
  public static Referral submitted(
      Agency agency,
      String submittedBy,
      Instant submittedAt,
      SubmitReferralRequest request,
      int indicatorCatalogueVersion,
      Intake intake) {
    Referral r = new Referral();
    r.id = UUID.randomUUID();
    r.reference = "PENDING-" + r.id; // unique, never shown: intake numbers it before the insert
    r.kind = request.kind();
    r.status =
        request.kind() == ReferralKind.NRM ? ReferralStatus.SUBMITTED : ReferralStatus.NOTIFIED;
    r.jurisdiction = request.jurisdiction();
    r.agency = agency;
    r.submittedBy = submittedBy;
    r.submittedAt = submittedAt;
    r.statusSince = submittedAt;
    r.ageAtExploitation = request.ageAtExploitation();
    r.indicators = List.copyOf(request.indicators());
    r.indicatorCatalogueVersion = indicatorCatalogueVersion;
    r.rgDecisionTargetDate = request.kind() == ReferralKind.NRM ? intake.rgTarget() : null;
    r.age = new AgeFacts(intake.ageGroup(), Boolean.TRUE.equals(request.ageDisputed()));
    r.immigrationCircumstances =
        request.immigrationCircumstances().stream().map(Enum::name).toList();
    r.childLocalAuthority = intake.childLocalAuthority();
    r.ownership = new Ownership(intake.competentAuthority());
    r.supportNeeds = request.supportNeeds().stream().map(Enum::name).toList();
    r.describePerson(request.potentialVictim());
    r.describeExploitation(request.exploitation());
    Consent consent = request.consent();
    if (consent != null) {
      r.consentReferral = consent.referral();
      r.consentSupport = consent.support();
      r.consentPoliceContact = consent.policeContact();
    }
    return r;
  }

  /**
   * What intake works out for a new referral: the RG target date, the age group at the time of the
   * referral, the child's local authority and the competent authority it is allocated to.
   */
  public record Intake(
      LocalDate rgTarget,
      AgeGroup ageGroup,
      String childLocalAuthority,
      String competentAuthority) {}

  /**
   * Moves to a new status with what the move implies: decision times, the minimum time before a CG
   * and the support period after a positive RG, the findings of a positive CG, the stage a
   * reconsideration returns to, and, on resuming a suspended case, where it was (with a fresh RG
   * target date when that is before the RG).
   */
  public void moveTo(
      ReferralStatus to,
      Set<CgFinding> findings,
      Instant at,
      LocalDate today,
      Deadlines deadlines) {
    ReferralStatus from = status;
    if (from == ReferralStatus.SUSPENDED && to != ReferralStatus.WITHDRAWN) {
      if (to == ReferralStatus.SUBMITTED) {
        rgDecisionTargetDate = deadlines.rgDecisionTargetDate(jurisdiction, today);
      }
    } else {
      switch (to) {
        case RG_POSITIVE -> {
          rgDecidedAt = at;
          boolean recovery = !Boolean.FALSE.equals(facts().furtherRgRecoveryPeriod());
          recoveryPeriodEndsOn = recovery ? deadlines.earliestCgDate(jurisdiction, today) : null;
          supportPeriodEndsOn =
              recovery ? deadlines.supportPeriodEndsOn(jurisdiction, today) : null;
        }
        case RG_NEGATIVE -> {
          rgDecidedAt = at;
          recoveryPeriodEndsOn = null;
          supportPeriodEndsOn = null;
        }
        case CG_POSITIVE, CG_NEGATIVE -> {
          cgDecidedAt = at;
          cgFindings = findings == null ? List.of() : findings.stream().map(Enum::name).toList();
          if (to == ReferralStatus.CG_POSITIVE) {
            changeFacts().moveOnSupportEndsOn(deadlines.moveOnEndsOn(jurisdiction, today));
          } else if (support != null) {
            support.moveOnSupportEndsOn(null);
          }
        }
        case RECONSIDERATION_REQUESTED -> reconsidering = Stage.of(from);
        case SUBMITTED, SUSPENDED, WITHDRAWN, NOTIFIED -> {}
      }
    }
    boolean keepsStage =
        to == ReferralStatus.RECONSIDERATION_REQUESTED
            || (to == ReferralStatus.SUSPENDED && from == ReferralStatus.RECONSIDERATION_REQUESTED);
    if (!keepsStage) {
      reconsidering = null;
    }
    suspendedFrom = to == ReferralStatus.SUSPENDED ? from : null;
    status = to;
    statusSince = at;
    dropPendingDecision();
  }

  /** Holds a negative decision until a second caseworker confirms it. */
  public void holdDecision(ReferralStatus to, String requestedBy, Instant at) {
    pendingStatus = to;
    pendingRequestedBy = requestedBy;
    pendingRequestedAt = at;
  }

  public void dropPendingDecision() {
    pendingStatus = null;
    pendingRequestedBy = null;
    pendingRequestedAt = null;
  }

  /** Records that the personal data was erased (its data key destroyed). */
  public void personalDataErased(Instant at) {
    personalDataErasedAt = at;
  }

  public Instant personalDataErasedAt() {
    return personalDataErasedAt;
  }

  /** Places or lifts the legal hold; false when it was already so. */
  public boolean legalHold(boolean hold) {
    if (legalHold == hold) {
      return false;
    }
    legalHold = hold;
    return true;
  }

  public boolean legalHold() {
    return legalHold;
  }

  /** When the referral entered its current status; retention periods run from it. */
  public Instant statusSince() {
    return statusSince;
  }

  /**
   * The facts about support and protection beside the status, to read. Hibernate reads an
   * embeddable whose columns are all null as none; an empty one stands in, unattached, so that a
   * read never makes the case dirty.
   */
  public SupportFacts facts() {
    return support != null ? support : new SupportFacts();
  }

  /** The same facts, to change: attached to the case, so that the change is written. */
  public SupportFacts changeFacts() {
    if (support == null) {
      support = new SupportFacts();
    }
    return support;
  }

  private void describePerson(PotentialVictim person) {
    gender = person.gender();
    estimatedAge = person.estimatedAge();
    nationalities = List.copyOf(person.nationalities());
    countryOfOrigin = person.countryOfOrigin();
    interpreterNeeded = person.interpreterNeeded();
  }

  private void describeExploitation(Exploitation exploitation) {
    exploitationTypes = exploitation.types().stream().map(Enum::name).toList();
    countyLines = exploitation.countyLines();
    exploitationLocation = exploitation.location();
    overseasCountries = List.copyOf(exploitation.overseasCountries());
    policeForce = exploitation.policeForce();
  }

  public UUID id() {
    return id;
  }

  /** The reference number the intake gave this referral's row. */
  public void numbered(String reference) {
    this.reference = reference;
  }

  public String reference() {
    return reference;
  }

  public ReferralKind kind() {
    return kind;
  }

  public ReferralStatus status() {
    return status;
  }

  public Jurisdiction jurisdiction() {
    return jurisdiction;
  }

  public Agency agency() {
    return agency;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public long version() {
    return version;
  }

  LocalDate rgDecisionTargetDate() {
    return rgDecisionTargetDate;
  }

  public Instant rgDecidedAt() {
    return rgDecidedAt;
  }

  public LocalDate recoveryPeriodEndsOn() {
    return recoveryPeriodEndsOn;
  }

  public Instant cgDecidedAt() {
    return cgDecidedAt;
  }

  List<CgFinding> cgFindings() {
    return cgFindings.stream().map(CgFinding::valueOf).toList();
  }

  LocalDate supportPeriodEndsOn() {
    return supportPeriodEndsOn;
  }

  /** The status a suspended case resumes to; null unless suspended. */
  public ReferralStatus suspendedFrom() {
    return suspendedFrom;
  }

  /** The code of the competent authority that owns the case. */
  public String competentAuthority() {
    return ownership.competentAuthority();
  }

  /** The caseworker ({@code sub}) working the case, or null. */
  public String assignee() {
    return ownership.assignee();
  }

  public AgeGroup ageGroupAtReferral() {
    return age.atReferral();
  }

  public boolean ageDisputed() {
    return age.disputed();
  }

  /** What a caseworker's age assessment found, or null before one. */
  public AgeAssessment ageAssessment() {
    return age.assessment();
  }

  List<ImmigrationCircumstance> immigrationCircumstances() {
    return immigrationCircumstances.stream().map(ImmigrationCircumstance::valueOf).toList();
  }

  String childLocalAuthority() {
    return childLocalAuthority;
  }

  /** True when the person is to be treated as a child on that day (see {@link AgeFacts}). */
  public boolean treatedAsChild(LocalDate dateOfBirth, LocalDate on) {
    return age.treatedAsChild(dateOfBirth, on);
  }

  /**
   * True when the referral needs the person's consent and does not have it: an NRM referral of an
   * adult at the time of referral (as assessed, if an assessment was made) who did not consent.
   * {@link ReferralQueries} holds the same rule in SQL for the consent-needed queue.
   */
  public boolean consentNeeded() {
    return kind == ReferralKind.NRM
        && !Workflow.isFinal(status)
        && !Boolean.TRUE.equals(consentReferral)
        && age.adultAtReferral();
  }

  /** Records an age assessment's finding. */
  public void ageAssessed(AgeGroup found, Instant at) {
    age.assessed(found, at);
  }

  /** Records the person's consent, as the referring agency gives it. */
  public void consented(Consent consent) {
    consentReferral = consent.referral();
    consentSupport = consent.support();
    consentPoliceContact = consent.policeContact();
  }

  /** Hands the case to another competent authority; whoever worked it no longer does. */
  public void transferTo(String authority) {
    ownership.transferTo(authority);
  }

  /** Gives the case to a caseworker; false when it is theirs already. */
  public boolean assign(String caseworker, Instant at) {
    return ownership.assign(caseworker, at);
  }

  /** Leaves the case unassigned. */
  public void unassign() {
    ownership.unassign();
  }

  public Stage reconsidering() {
    return reconsidering;
  }

  /** The held negative decision, or null. */
  public PendingDecision pendingDecision() {
    return pendingStatus == null
        ? null
        : new PendingDecision(pendingStatus, pendingRequestedBy, pendingRequestedAt);
  }

  /** True while the case waits for a Conclusive Grounds decision. */
  boolean awaitsCg() {
    return status == ReferralStatus.RG_POSITIVE
        || (status == ReferralStatus.RECONSIDERATION_REQUESTED
            && reconsidering == Stage.CONCLUSIVE_GROUNDS);
  }

  String submittedBy() {
    return submittedBy;
  }

  public AgeAtExploitation ageAtExploitation() {
    return ageAtExploitation;
  }

  public List<String> nationalities() {
    return nationalities;
  }

  List<ExploitationType> exploitationTypes() {
    return exploitationTypes.stream().map(ExploitationType::valueOf).toList();
  }

  public List<String> indicators() {
    return indicators;
  }

  int indicatorCatalogueVersion() {
    return indicatorCatalogueVersion;
  }

  List<SupportNeed> supportNeeds() {
    return supportNeeds.stream().map(SupportNeed::valueOf).toList();
  }

  public Consent consent() {
    if (consentReferral == null && consentSupport == null && consentPoliceContact == null) {
      return null;
    }
    return new Consent(consentReferral, consentSupport, consentPoliceContact);
  }

  public Exploitation exploitation() {
    return new Exploitation(
        exploitationTypes(), countyLines, exploitationLocation, overseasCountries, policeForce);
  }

  /** The person's coded facts joined with their personal data, if any. */
  public PotentialVictim potentialVictim(PersonalData personal) {
    PersonalData p = personal == null ? PersonalData.NONE : personal;
    return new PotentialVictim(
        p.givenName(),
        p.familyName(),
        p.aliases(),
        p.dateOfBirth(),
        estimatedAge,
        gender,
        nationalities,
        countryOfOrigin,
        p.languages(),
        interpreterNeeded,
        p.contact());
  }
}
