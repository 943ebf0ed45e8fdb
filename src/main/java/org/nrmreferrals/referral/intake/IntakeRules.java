package org.nrmreferrals.referral.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.nrmreferrals.agency.AgencyType;
import org.nrmreferrals.reference.ExploitationType;
import org.nrmreferrals.reference.Jurisdiction;
import org.nrmreferrals.referral.AgeAtExploitation;
import org.nrmreferrals.referral.Exploitation;
import org.nrmreferrals.referral.ExploitationLocation;
import org.nrmreferrals.referral.PotentialVictim;
import org.nrmreferrals.referral.ReferralKind;
import org.nrmreferrals.referral.SubmitReferralRequest;
import org.nrmreferrals.web.Problem.Violation;

/**
 * The cross-field rules of intake: consent, Duty to Notify anonymity and eligibility, and the
 * coherence of the exploitation facts. Pure: reference data arrives as predicates.
 */
final class IntakeRules {
  static final String NO_IDENTITY =
      "must be absent: a Duty to Notify report must not identify the person"
          + " (Modern Slavery Act 2015 s.52(3))";

  private final Predicate<String> knownIndicator;
  private final Predicate<String> knownPoliceForce;
  private final List<Violation> violations = new ArrayList<>();

  private IntakeRules(Predicate<String> knownIndicator, Predicate<String> knownPoliceForce) {
    this.knownIndicator = knownIndicator;
    this.knownPoliceForce = knownPoliceForce;
  }

  /** Every rule the request breaks, each naming its field; empty when it may be accepted. */
  static List<Violation> check(
      SubmitReferralRequest request,
      AgencyType agencyType,
      Predicate<String> knownIndicator,
      Predicate<String> knownPoliceForce) {
    IntakeRules rules = new IntakeRules(knownIndicator, knownPoliceForce);
    if (request.kind() == ReferralKind.DUTY_TO_NOTIFY) {
      rules.dutyToNotify(request, agencyType);
    } else {
      rules.consent(request);
    }
    rules.exploitation(request.exploitation());
    rules.codes(request);
    return List.copyOf(rules.violations);
  }

  private void dutyToNotify(SubmitReferralRequest request, AgencyType agencyType) {
    if (request.ageAtExploitation() != AgeAtExploitation.ADULT) {
      add(
          "ageAtExploitation",
          "a Duty to Notify report is for adults only; refer a child through the NRM");
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

  private void consent(SubmitReferralRequest request) {
    boolean consented =
        request.consent() != null && Boolean.TRUE.equals(request.consent().referral());
    if (request.ageAtExploitation() == AgeAtExploitation.ADULT && !consented) {
      add(
          "consent.referral",
          "an adult NRM referral needs the person's informed consent (true); without it, a public"
              + " authority in England and Wales submits a DUTY_TO_NOTIFY report instead");
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
