package org.nrmreferrals.referral.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.nrmreferrals.agency.AgencyType;
import org.nrmreferrals.reference.ExploitationType;
import org.nrmreferrals.reference.Jurisdiction;
import org.nrmreferrals.referral.AgeGroup;
import org.nrmreferrals.referral.AgeNow;
import org.nrmreferrals.referral.Exploitation;
import org.nrmreferrals.referral.ExploitationLocation;
import org.nrmreferrals.referral.PotentialVictim;
import org.nrmreferrals.referral.ReferralKind;
import org.nrmreferrals.referral.SubmitReferralRequest;
import org.nrmreferrals.web.Problem.Violation;

/**
 * The cross-field rules of intake: the age now, consent, Duty to Notify anonymity and eligibility,
 * and the coherence of the exploitation facts. Pure: reference data arrives as predicates and the
 * day of the referral as a date.
 */
final class IntakeRules {
  static final String NO_IDENTITY =
      "must be absent: a Duty to Notify report must not identify the person"
          + " (Modern Slavery Act 2015 s.52(3))";

  private final Predicate<String> knownIndicator;
  private final Predicate<String> knownPoliceForce;
  private final Predicate<String> knownLocalAuthority;
  private final List<Violation> violations = new ArrayList<>();

  private IntakeRules(
      Predicate<String> knownIndicator,
      Predicate<String> knownPoliceForce,
      Predicate<String> knownLocalAuthority) {
    this.knownIndicator = knownIndicator;
    this.knownPoliceForce = knownPoliceForce;
    this.knownLocalAuthority = knownLocalAuthority;
  }

  /** Reference data the rules look codes up in. */
  record Known(
      Predicate<String> indicator,
      Predicate<String> policeForce,
      Predicate<String> localAuthority) {}

  /**
   * Every rule the request breaks, each naming its field; empty when it may be accepted. {@code
   * today} is the day of the referral in the jurisdiction's calendar.
   */
  static List<Violation> check(
      SubmitReferralRequest request, AgencyType agencyType, LocalDate today, Known known) {
    IntakeRules rules =
        new IntakeRules(known.indicator(), known.policeForce(), known.localAuthority());
    AgeGroup age = rules.age(request, today);
    if (request.kind() == ReferralKind.DUTY_TO_NOTIFY) {
      rules.dutyToNotify(request, agencyType, age);
    } else if (age != null) {
      rules.consent(request, age);
    }
    rules.exploitation(request.exploitation());
    rules.codes(request);
    return List.copyOf(rules.violations);
  }

  /** The age group at the time of the referral, or null (with a violation) when it is unknown. */
  private AgeGroup age(SubmitReferralRequest request, LocalDate today) {
    PotentialVictim person = request.potentialVictim();
    AgeGroup stated = request.ageGroupAtReferral();
    AgeGroup age = AgeNow.of(person.dateOfBirth(), stated, person.estimatedAge(), today);
    if (age == null) {
      add(
          "ageGroupAtReferral",
          "is required when neither potentialVictim.dateOfBirth nor potentialVictim.estimatedAge"
              + " is given: ADULT, CHILD or UNKNOWN_POSSIBLY_CHILD (the age now, not when"
              + " exploited)");
      return null;
    }
    String contradiction =
        AgeNow.contradiction(person.dateOfBirth(), stated, person.estimatedAge(), today);
    if (contradiction != null && !Boolean.TRUE.equals(request.ageDisputed())) {
      add("ageGroupAtReferral", contradiction + "; set ageDisputed if the age is in doubt");
    }
    String local = request.childLocalAuthority();
    if (local != null && age == AgeGroup.ADULT && !Boolean.TRUE.equals(request.ageDisputed())) {
      add("childLocalAuthority", "is given only for a child, or a person who may be one");
    } else if (local != null && !knownLocalAuthority.test(local)) {
      add(
          "childLocalAuthority",
          "is not a registered LOCAL_AUTHORITY agency; see /api/v1/agencies");
    }
    return Boolean.TRUE.equals(request.ageDisputed()) ? AgeGroup.UNKNOWN_POSSIBLY_CHILD : age;
  }

  private void dutyToNotify(SubmitReferralRequest request, AgencyType agencyType, AgeGroup age) {
    if (age != null && age != AgeGroup.ADULT) {
      add(
          "ageGroupAtReferral",
          "a Duty to Notify report is for a person who is an adult now; a child, or a person who"
              + " may be one (or whose age is disputed), is referred through the NRM");
    }
    if (!request.immigrationCircumstances().isEmpty()) {
      add(
          "immigrationCircumstances",
          "must be absent: a Duty to Notify report has no competent authority's decision");
    }
    if (request.jurisdiction() != Jurisdiction.ENGLAND_AND_WALES) {
      add("jurisdiction", "Duty to Notify applies in England and Wales only");
    }
    if (agencyType == AgencyType.NGO) {
      add(
          "kind",
          "Duty to Notify is for public authorities; an NGO refers through the NRM with consent");
    }
    if (request.consent() != null && Boolean.TRUE.equals(request.consent().referral())) {
      add(
          "consent.referral",
          "an adult who consents is referred through the NRM, not Duty to Notify");
    }
    PotentialVictim person = request.potentialVictim();
    absent("potentialVictim.givenName", person.givenName());
    absent("potentialVictim.familyName", person.familyName());
    absent("potentialVictim.aliases", person.aliases().isEmpty() ? null : person.aliases());
    absent("potentialVictim.dateOfBirth", person.dateOfBirth());
    absent("potentialVictim.contact", person.contact());
    absent("account", request.account());
  }

  private void consent(SubmitReferralRequest request, AgeGroup age) {
    boolean consented =
        request.consent() != null && Boolean.TRUE.equals(request.consent().referral());
    if (age == AgeGroup.ADULT && !consented) {
      add(
          "consent.referral",
          "the person is an adult now (whatever their age when exploited), so an NRM referral"
              + " needs their informed consent (true); without it, a public authority in England"
              + " and Wales submits a DUTY_TO_NOTIFY report instead");
    }
  }

  private void exploitation(Exploitation exploitation) {
    List<ExploitationType> types = exploitation.types();
    if (exploitation.countyLines() && !types.contains(ExploitationType.CRIMINAL)) {
      add(
          "exploitation.countyLines",
          "county lines is criminal exploitation: include CRIMINAL in types");
    }
    if (types.contains(ExploitationType.NOT_SPECIFIED) && types.size() > 1) {
      add("exploitation.types", "NOT_SPECIFIED cannot be combined with other types");
    }
    ExploitationLocation location = exploitation.location();
    if (!exploitation.overseasCountries().isEmpty()
        && location != ExploitationLocation.OVERSEAS
        && location != ExploitationLocation.UK_AND_OVERSEAS) {
      add("exploitation.overseasCountries", "only for OVERSEAS or UK_AND_OVERSEAS exploitation");
    }
    String force = exploitation.policeForce();
    if (force != null && !knownPoliceForce.test(force)) {
      add(
          "exploitation.policeForce",
          "is not a police force code; see /api/v1/reference/police-forces");
    }
  }

  private void codes(SubmitReferralRequest request) {
    List<String> indicators = request.indicators();
    for (int i = 0; i < indicators.size(); i++) {
      if (!knownIndicator.test(indicators.get(i))) {
        add(
            "indicators[" + i + "]",
            "is not in the indicator catalogue; see /api/v1/reference/indicators");
      }
    }
    unique("indicators", indicators);
    unique("supportNeeds", request.supportNeeds());
    unique("potentialVictim.nationalities", request.potentialVictim().nationalities());
    unique("potentialVictim.languages", request.potentialVictim().languages());
    unique("exploitation.types", request.exploitation().types());
    unique("exploitation.overseasCountries", request.exploitation().overseasCountries());
    unique("immigrationCircumstances", request.immigrationCircumstances());
  }

  private void absent(String field, Object value) {
    if (value != null) {
      add(field, NO_IDENTITY);
    }
  }

  private void unique(String field, List<?> values) {
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      if (!seen.add(values.get(i))) {
        add(field + "[" + i + "]", "repeats an earlier entry");
      }
    }
  }

  private void add(String field, String message) {
    violations.add(new Violation(field, message));
  }
}
