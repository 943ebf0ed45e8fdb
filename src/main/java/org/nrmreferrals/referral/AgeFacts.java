package org.nrmreferrals.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a referral knows of the person's age now: the age group at the referral, whether it is
 * disputed, and what a caseworker's age assessment found. Consent and withdrawal turn on it.
 */
@Embeddable
public class AgeFacts {
  @Enumerated(EnumType.STRING)
  @Column(name = "age_group_at_referral")
  private AgeGroup atReferral;

  @Column(name = "age_disputed")
  private boolean disputed;

  @Enumerated(EnumType.STRING)
  @Column(name = "assessed_age_group")
  private AgeGroup assessed;

  @Column(name = "age_assessed_at")
  private Instant assessedAt;

  protected AgeFacts() {}

  AgeFacts(AgeGroup atReferral, boolean disputed) {
    this.atReferral = atReferral;
    this.disputed = disputed;
  }

  /**
   * True when the person is to be treated as a child on that day: as an age assessment found;
   * otherwise presumed a child while the age is disputed or possibly under 18 (MSA 2015 s.51);
   * otherwise by the date of birth where known, else the age group given at referral.
   */
  boolean treatedAsChild(LocalDate dateOfBirth, LocalDate on) {
    if (assessed != null) {
      return assessed == AgeGroup.CHILD;
    }
    if (disputed || atReferral == AgeGroup.UNKNOWN_POSSIBLY_CHILD) {
      return true;
    }
    if (dateOfBirth != null) {
      return AgeNow.isChild(dateOfBirth, on);
    }
    return atReferral == AgeGroup.CHILD;
  }

  /** True for an adult at the time of the referral (as assessed, once an assessment is made). */
  boolean adultAtReferral() {
    if (assessed != null) {
      return assessed == AgeGroup.ADULT;
    }
    return !disputed && atReferral == AgeGroup.ADULT;
  }

  void assessed(AgeGroup found, Instant at) {
    assessed = found;
    assessedAt = at;
  }

  AgeGroup atReferral() {
    return atReferral;
  }

  boolean disputed() {
    return disputed;
  }

  /** The assessment, or null before one. */
  AgeAssessment assessment() {
    return assessed == null ? null : new AgeAssessment(assessed, assessedAt);
  }
}
