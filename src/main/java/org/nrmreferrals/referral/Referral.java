package org.nrmreferrals.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.nrmreferrals.agency.Agency;
import org.nrmreferrals.reference.ExploitationType;
import org.nrmreferrals.reference.Jurisdiction;
import org.nrmreferrals.workflow.CgOutcome;
import org.nrmreferrals.workflow.Deadlines;
import org.nrmreferrals.workflow.ReferralStatus;
import org.nrmreferrals.workflow.Stage;

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

  @Column(name = "external_reference")
  private String externalReference;

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

  @Column(name = "rg_decision_due_by")
  private LocalDate rgDecisionDueBy;

  @Column(name = "rg_decided_at")
  private Instant rgDecidedAt;

  @Column(name = "recovery_period_ends_on")
  private LocalDate recoveryPeriodEndsOn;

  @Column(name = "cg_decided_at")
  private Instant cgDecidedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "cg_outcome")
  private CgOutcome cgOutcome;

  @Enumerated(EnumType.STRING)
  private Stage reconsidering;

  @Enumerated(EnumType.STRING)
  @Column(name = "pending_status")
  private ReferralStatus pendingStatus;

  @Column(name = "pending_requested_by")
  private String pendingRequestedBy;

  @Column(name = "pending_requested_at")
  private Instant pendingRequestedAt;

  @JdbcTypeCode(SqlTypes.ARRAY)
  private List<String> flags = new ArrayList<>();

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
      LocalDate rgDecisionDueBy) {
    Referral r = new Referral();
    r.id = UUID.randomUUID();
    r.reference = "PENDING-" + r.id; // unique, never shown: intake numbers it last
    r.kind = request.kind();
    r.status =
        request.kind() == ReferralKind.NRM ? ReferralStatus.SUBMITTED : ReferralStatus.NOTIFIED;
    r.jurisdiction = request.jurisdiction();
    r.agency = agency;
    r.submittedBy = submittedBy;
    r.submittedAt = submittedAt;
    r.statusSince = submittedAt;
    r.externalReference = request.externalReference();
    r.ageAtExploitation = request.ageAtExploitation();
    r.indicators = List.copyOf(request.indicators());
    r.indicatorCatalogueVersion = indicatorCatalogueVersion;
    r.rgDecisionDueBy = request.kind() == ReferralKind.NRM ? rgDecisionDueBy : null;
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
   * Moves to a new status with what the move implies: decision times, the recovery period after a
   * positive RG, a fresh RG deadline on resuming, the stage a reconsideration returns to.
   */
  public void moveTo(
      ReferralStatus to, CgOutcome outcome, Instant at, LocalDate today, Deadlines deadlines) {
    switch (to) {
      case RG_POSITIVE -> {
        rgDecidedAt = at;
        recoveryPeriodEndsOn = deadlines.recoveryPeriodEndsOn(jurisdiction, today);
      }
      case RG_NEGATIVE -> {
        rgDecidedAt = at;
        recoveryPeriodEndsOn = null;
      }
      case CG_POSITIVE, CG_NEGATIVE -> {
        cgDecidedAt = at;
        cgOutcome = outcome;
      }
      case SUBMITTED -> rgDecisionDueBy = deadlines.rgDecisionDueBy(jurisdiction, today);
      case SUSPENDED, RECONSIDERATION_REQUESTED, WITHDRAWN, NOTIFIED -> {}
    }
    reconsidering = to == ReferralStatus.RECONSIDERATION_REQUESTED ? Stage.of(status) : null;
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

  /** Sets a flag; false when it was already set. */
  public boolean flag(String flag) {
    if (flags.contains(flag)) {
      return false;
    }
    flags = new ArrayList<>(flags);
    flags.add(flag);
    return true;
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

  LocalDate rgDecisionDueBy() {
    return rgDecisionDueBy;
  }

  Instant rgDecidedAt() {
    return rgDecidedAt;
  }

  public LocalDate recoveryPeriodEndsOn() {
    return recoveryPeriodEndsOn;
  }

  Instant cgDecidedAt() {
    return cgDecidedAt;
  }

  CgOutcome cgOutcome() {
    return cgOutcome;
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

  List<String> flags() {
    return flags;
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

  String externalReference() {
    return externalReference;
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
