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
import java.util.UUID;
import org.nrmreferrals.workflow.ReferralStatus;

/**
 * A disqualification on public order grounds or bad faith, beside the status of a case with a
 * positive RG or CG: asked by one caseworker, in effect once a second confirms it, and set aside
 * when a reconsideration request against it is accepted. In effect, it ends support and rules out
 * temporary leave as a victim.
 */
@Entity
@Table(name = "disqualification")
public class Disqualification extends PanacheEntityBase {
  @Id private UUID id;

  @Column(name = "referral_id")
  private UUID referralId;

  @Enumerated(EnumType.STRING)
  private DisqualificationGrounds grounds;

  @Enumerated(EnumType.STRING)
  @Column(name = "on_status")
  private ReferralStatus onStatus;

  @Column(name = "requested_by")
  private String requestedBy;

  @Column(name = "requested_at")
  private Instant requestedAt;

  @Column(name = "confirmed_by")
  private String confirmedBy;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  @Column(name = "set_aside_at")
  private Instant setAsideAt;

  @Version private long version;

  protected Disqualification() {}

  /** A disqualification asked for by a caseworker, held until a second confirms it. */
  public Disqualification(
      UUID referralId,
      DisqualificationGrounds grounds,
      ReferralStatus onStatus,
      String requestedBy,
      Instant at) {
    this.id = UUID.randomUUID();
    this.referralId = referralId;
    this.grounds = grounds;
    this.onStatus = onStatus;
    this.requestedBy = requestedBy;
    this.requestedAt = at;
  }

  public void confirm(String by, Instant at) {
    confirmedBy = by;
    confirmedAt = at;
  }

  public void withdraw(Instant at) {
    withdrawnAt = at;
  }

  public void setAside(Instant at) {
    setAsideAt = at;
  }

  /** True once confirmed and until set aside. */
  public boolean inEffect() {
    return confirmedAt != null && setAsideAt == null && withdrawnAt == null;
  }

  public boolean held() {
    return confirmedAt == null && withdrawnAt == null;
  }

  public UUID id() {
    return id;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public Instant confirmedAt() {
    return confirmedAt;
  }

  DisqualificationGrounds grounds() {
    return grounds;
  }

  ReferralStatus onStatus() {
    return onStatus;
  }

  Instant requestedAt() {
    return requestedAt;
  }

  Instant setAsideAt() {
    return setAsideAt;
  }
}
