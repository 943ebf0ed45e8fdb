package org.nrmreferrals.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A First Responder Organisation, or a support provider (some are both). Deactivated agencies keep
 * their referrals but cannot act.
 */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {
  @Id private String code;
  private String name;

  @Enumerated(EnumType.STRING)
  private AgencyType type;

  private boolean active;

  @Column(name = "support_provider")
  private boolean supportProvider;

  @Version private long version;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected Agency() {}

  Agency(
      String code,
      String name,
      AgencyType type,
      boolean active,
      boolean supportProvider,
      Instant now) {
    this.code = code;
    this.name = name;
    this.type = type;
    this.active = active;
    this.supportProvider = supportProvider;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * The agency as its row stores it, read with plain SQL by {@link PartnerAgency}: detached, as an
   * agency loaded by a session that has closed.
   */
  static Agency stored(
      String code,
      String name,
      AgencyType type,
      boolean active,
      boolean supportProvider,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    Agency agency = new Agency(code, name, type, active, supportProvider, createdAt);
    agency.version = version;
    agency.updatedAt = updatedAt;
    return agency;
  }

  void revise(
      String newName, AgencyType newType, Boolean nowActive, Boolean nowSupport, Instant now) {
    if (nowSupport != null) {
      supportProvider = nowSupport;
    }
    if (newName != null) {
      name = newName;
    }
    if (newType != null) {
      type = newType;
    }
    if (nowActive != null) {
      active = nowActive;
    }
    updatedAt = now;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public AgencyType type() {
    return type;
  }

  public boolean isActive() {
    return active;
  }

  /** A provider of support to victims, which may ask for reconsideration for the person. */
  public boolean isSupportProvider() {
    return supportProvider;
  }

  Instant updatedAt() {
    return updatedAt;
  }
}
