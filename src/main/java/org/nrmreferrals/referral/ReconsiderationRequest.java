package org.nrmreferrals.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A request to reconsider a negative decision, beside the case's status: the competent authority
 * accepts it (the decision is taken again) or declines it (the decision stands).
 */
@Entity
@Table(name = "reconsideration_request")
public class ReconsiderationRequest extends PanacheEntityBase {
  /** What the competent authority decided on a request. */
  public enum Outcome {
    ACCEPTED,
    DECLINED
  }

  @Id private UUID id;

  @Column(name = "referral_id")
  private UUID referralId;

  @Enumerated(EnumType.STRING)
  private ReconsideredDecision decision;

  @Column(name = "decided_on")
  private LocalDate decidedOn;

  @Column(name = "due_by")
  private LocalDate dueBy;

  @Column(name = "requested_at")
  private Instant requestedAt;

  @Column(name = "requested_by")
  private String requestedBy;

  @Column(name = "requesting_agency")
  private String requestingAgency;

  @JdbcTypeCode(SqlTypes.ARRAY)
  private List<String> grounds;

  @Column(name = "exceptional_circumstances")
  private boolean exceptionalCircumstances;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  @Column(name = "outcome_at")
  private Instant outcomeAt;

  @Column(name = "outcome_by")
  private String outcomeBy;

  @Version private long version;

  protected ReconsiderationRequest() {}

  /** A new request on one of the case's decisions. */
  public ReconsiderationRequest(
      UUID referralId,
      ReconsideredDecision decision,
      LocalDate decidedOn,
      LocalDate dueBy,
      Instant at,
      String requestedBy,
      String requestingAgency,
      List<ReconsiderationGround> grounds,
      boolean exceptionalCircumstances) {
    this.id = UUID.randomUUID();
    this.referralId = referralId;
    this.decision = decision;
    this.decidedOn = decidedOn;
    this.dueBy = dueBy;
    this.requestedAt = at;
    this.requestedBy = requestedBy;
    this.requestingAgency = requestingAgency;
    this.grounds = grounds.stream().map(Enum::name).sorted().toList();
    this.exceptionalCircumstances = exceptionalCircumstances;
  }

  /** Records the competent authority's outcome. */
  public void decide(Outcome decided, String by, Instant at) {
    outcome = decided;
    outcomeBy = by;
    outcomeAt = at;
  }

  public UUID id() {
    return id;
  }

  public UUID referralId() {
    return referralId;
  }

  public ReconsideredDecision decision() {
    return decision;
  }

  public Outcome outcome() {
    return outcome;
  }

  public String requestingAgency() {
    return requestingAgency;
  }

  LocalDate decidedOn() {
    return decidedOn;
  }

  LocalDate dueBy() {
    return dueBy;
  }

  Instant requestedAt() {
    return requestedAt;
  }

  List<ReconsiderationGround> grounds() {
    return grounds.stream().map(ReconsiderationGround::valueOf).toList();
  }

  boolean exceptionalCircumstances() {
    return exceptionalCircumstances;
  }

  Instant outcomeAt() {
    return outcomeAt;
  }
}
