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
import java.util.UUID;
import org.nrmreferrals.workflow.Stage;

/**
 * A competent authority's request for further information at the RG or CG stage, asked of an agency
 * with a due date. The question and the answer name the person, so both are sealed under the
 * referral's data key (erasure destroys them with it).
 */
@Entity
@Table(name = "information_request")
public class InformationRequest extends PanacheEntityBase {
  @Id private UUID id;

  @Column(name = "referral_id")
  private UUID referralId;

  @Enumerated(EnumType.STRING)
  private Stage stage;

  @Column(name = "asked_of")
  private String askedOf;

  @Column(name = "asked_by")
  private String askedBy;

  @Column(name = "asked_at")
  private Instant askedAt;

  @Column(name = "due_on")
  private LocalDate dueOn;

  @Column(name = "question_sealed")
  private byte[] questionSealed;

  @Column(name = "answer_sealed")
  private byte[] answerSealed;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "answered_by")
  private String answeredBy;

  @Column(name = "extended_at")
  private Instant extendedAt;

  @Version private long version;

  protected InformationRequest() {}

  public InformationRequest(
      UUID referralId, Stage stage, String askedOf, String askedBy, Instant at, LocalDate dueOn) {
    this.id = UUID.randomUUID();
    this.referralId = referralId;
    this.stage = stage;
    this.askedOf = askedOf;
    this.askedBy = askedBy;
    this.askedAt = at;
    this.dueOn = dueOn;
  }

  /** The sealing purpose of the question or the answer: bound to this request. */
  public String purpose(String part) {
    return "information-request." + part + ":" + id;
  }

  public void question(byte[] sealed) {
    questionSealed = sealed;
  }

  public void answer(byte[] sealed, String by, Instant at) {
    answerSealed = sealed;
    answeredBy = by;
    answeredAt = at;
  }

  public void extend(LocalDate newDueOn, Instant at) {
    dueOn = newDueOn;
    extendedAt = at;
  }

  /** Open (awaiting an answer before its due date), answered, or expired unanswered. */
  public InformationRequestView.State state(LocalDate today) {
    if (answeredAt != null) {
      return InformationRequestView.State.ANSWERED;
    }
    return today.isAfter(dueOn)
        ? InformationRequestView.State.EXPIRED
        : InformationRequestView.State.OPEN;
  }

  public UUID id() {
    return id;
  }

  public UUID referralId() {
    return referralId;
  }

  public String askedOf() {
    return askedOf;
  }

  public LocalDate dueOn() {
    return dueOn;
  }

  Stage stage() {
    return stage;
  }

  Instant askedAt() {
    return askedAt;
  }

  byte[] questionSealed() {
    return questionSealed;
  }

  byte[] answerSealed() {
    return answerSealed;
  }

  Instant answeredAt() {
    return answeredAt;
  }

  Instant extendedAt() {
    return extendedAt;
  }
}
