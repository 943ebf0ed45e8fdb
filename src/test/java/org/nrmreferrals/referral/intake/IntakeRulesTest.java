package org.nrmreferrals.referral.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nrmreferrals.agency.AgencyType;
import org.nrmreferrals.reference.ExploitationType;
import org.nrmreferrals.reference.Jurisdiction;
import org.nrmreferrals.referral.AgeAtExploitation;
import org.nrmreferrals.referral.Consent;
import org.nrmreferrals.referral.ContactDetails;
import org.nrmreferrals.referral.Exploitation;
import org.nrmreferrals.referral.ExploitationLocation;
import org.nrmreferrals.referral.Gender;
import org.nrmreferrals.referral.PotentialVictim;
import org.nrmreferrals.referral.ReferralKind;
import org.nrmreferrals.referral.SubmitReferralRequest;
import org.nrmreferrals.referral.SupportNeed;
import org.nrmreferrals.web.Problem.Violation;

class IntakeRulesTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "consented adult NRM", nrm(AgeAtExploitation.ADULT, true), AgencyType.NGO, List.of()),
        Arguments.of(
            "child without consent", nrm(AgeAtExploitation.CHILD, null), AgencyType.NGO, List.of()),
        Arguments.of(
            "age unknown, presumed a child",
            nrm(AgeAtExploitation.NOT_SPECIFIED, null),
            AgencyType.NGO,
            List.of()),
        Arguments.of(
            "adult without consent",
            nrm(AgeAtExploitation.ADULT, null),
            AgencyType.POLICE,
            List.of("consent.referral")),
        Arguments.of(
            "adult refusing consent",
            nrm(AgeAtExploitation.ADULT, false),
            AgencyType.POLICE,
            List.of("consent.referral")),
        Arguments.of(
            "anonymous DtN from police",
            dtn(AgeAtExploitation.ADULT, Jurisdiction.ENGLAND_AND_WALES, null),
            AgencyType.POLICE,
            List.of()),
        Arguments.of(
            "anonymous DtN from a council",
            dtn(AgeAtExploitation.ADULT, Jurisdiction.ENGLAND_AND_WALES, null),
            AgencyType.LOCAL_AUTHORITY,
            List.of()),
        Arguments.of(
            "DtN from an NGO",
            dtn(AgeAtExploitation.ADULT, Jurisdiction.ENGLAND_AND_WALES, null),
            AgencyType.NGO,
            List.of("kind")),
        Arguments.of(
            "DtN for a child",
            dtn(AgeAtExploitation.CHILD, Jurisdiction.ENGLAND_AND_WALES, null),
            AgencyType.POLICE,
            List.of("ageAtExploitation")),
        Arguments.of(
            "DtN of unknown age",
            dtn(AgeAtExploitation.NOT_SPECIFIED, Jurisdiction.ENGLAND_AND_WALES, null),
            AgencyType.POLICE,
            List.of("ageAtExploitation")),
        Arguments.of(
            "DtN in Scotland",
            dtn(AgeAtExploitation.ADULT, Jurisdiction.SCOTLAND, null),
            AgencyType.POLICE,
            List.of("jurisdiction")),
        Arguments.of(
            "DtN in Northern Ireland",
            dtn(AgeAtExploitation.ADULT, Jurisdiction.NORTHERN_IRELAND, null),
            AgencyType.POLICE,
            List.of("jurisdiction")),
        Arguments.of(
            "DtN with consent",
            dtn(
                AgeAtExploitation.ADULT,
                Jurisdiction.ENGLAND_AND_WALES,
                new Consent(true, null, null)),
            AgencyType.POLICE,
            List.of("consent.referral")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checksConsentAndDutyToNotifyEligibility(
      String name, SubmitReferralRequest request, AgencyType agency, List<String> fields) {
    assertEquals(fields, fields(request, agency));
  }

  @Test
  void refusesEveryIdentifyingFieldOnADutyToNotifyReport() {
    PotentialVictim named =
        new PotentialVictim(
            "Ana",
            "Example",
            List.of("Anna"),
            LocalDate.of(1999, 4, 2),
            null,
            Gender.FEMALE,
            List.of("AL"),
            null,
            List.of(),
            null,
            new ContactDetails(null, "a@example.org", null));
    SubmitReferralRequest request =
        new SubmitReferralRequest(
            ReferralKind.DUTY_TO_NOTIFY,
            Jurisdiction.ENGLAND_AND_WALES,
            null,
            named,
            AgeAtExploitation.ADULT,
            exploitation(
                List.of(ExploitationType.LABOUR), false, ExploitationLocation.UK, List.of(), null),
            List.of(),
            null,
            List.of(),
            "an account");
    assertEquals(
        List.of(
            "potentialVictim.givenName",
            "potentialVictim.familyName",
            "potentialVictim.aliases",
            "potentialVictim.dateOfBirth",
            "potentialVictim.contact",
            "account"),
        fields(request, AgencyType.POLICE));
  }

  static Stream<Arguments> exploitationCases() {
    return Stream.of(
        Arguments.of(
            exploitation(
                List.of(ExploitationType.CRIMINAL),
                true,
                ExploitationLocation.UK,
                List.of(),
                "KENT"),
            List.of()),
        Arguments.of(
            exploitation(
                List.of(ExploitationType.LABOUR), true, ExploitationLocation.UK, List.of(), null),
            List.of("exploitation.countyLines")),
        Arguments.of(
            exploitation(
                List.of(ExploitationType.NOT_SPECIFIED, ExploitationType.LABOUR),
                false,
                ExploitationLocation.UK,
                List.of(),
                null),
            List.of("exploitation.types")),
        Arguments.of(
            exploitation(
                List.of(ExploitationType.LABOUR),
                false,
                ExploitationLocation.UK,
                List.of("IT"),
                null),
            List.of("exploitation.overseasCountries")),
        Arguments.of(
            exploitation(
                List.of(ExploitationType.LABOUR),
                false,
                ExploitationLocation.OVERSEAS,
                List.of("IT", "IT"),
                null),
            List.of("exploitation.overseasCountries[1]")),
        Arguments.of(
            exploitation(
                List.of(ExploitationType.LABOUR, ExploitationType.LABOUR),
                false,
                ExploitationLocation.UK,
                List.of(),
                null),
            List.of("exploitation.types[1]")),
        Arguments.of(
            exploitation(
                List.of(ExploitationType.LABOUR),
                false,
                ExploitationLocation.UK,
                List.of(),
                "GOTHAM"),
            List.of("exploitation.policeForce")));
  }

  @ParameterizedTest
  @MethodSource("exploitationCases")
  void checksTheExploitationFactsCohere(Exploitation exploitation, List<String> fields) {
    SubmitReferralRequest request =
        new SubmitReferralRequest(
            ReferralKind.NRM,
            Jurisdiction.ENGLAND_AND_WALES,
            null,
            anonymousAdult(),
            AgeAtExploitation.CHILD,
            exploitation,
            List.of(),
            null,
            List.of(),
            null);
    assertEquals(fields, fields(request, AgencyType.POLICE));
  }

  @Test
  void namesEachUnknownOrRepeatedIndicator() {
    SubmitReferralRequest request =
        new SubmitReferralRequest(
            ReferralKind.NRM,
            Jurisdiction.ENGLAND_AND_WALES,
            null,
            anonymousAdult(),
            AgeAtExploitation.CHILD,
            exploitation(
                List.of(ExploitationType.LABOUR), false, ExploitationLocation.UK, List.of(), null),
            List.of("ISOLATION", "NOPE", "ISOLATION"),
            null,
            List.of(SupportNeed.INTERPRETER, SupportNeed.INTERPRETER),
            null);
    assertEquals(
        List.of("indicators[1]", "indicators[2]", "supportNeeds[1]"),
        fields(request, AgencyType.POLICE));
  }

  private static List<String> fields(SubmitReferralRequest request, AgencyType agency) {
    return IntakeRules.check(request, agency, "ISOLATION"::equals, "KENT"::equals).stream()
        .map(Violation::field)
        .toList();
  }

  private static SubmitReferralRequest nrm(AgeAtExploitation age, Boolean consent) {
    return new SubmitReferralRequest(
        ReferralKind.NRM,
        Jurisdiction.ENGLAND_AND_WALES,
        null,
        anonymousAdult(),
        age,
        exploitation(
            List.of(ExploitationType.LABOUR), false, ExploitationLocation.UK, List.of(), null),
        List.of(),
        consent == null ? null : new Consent(consent, null, null),
        List.of(),
        null);
  }

  private static SubmitReferralRequest dtn(
      AgeAtExploitation age, Jurisdiction where, Consent consent) {
    return new SubmitReferralRequest(
        ReferralKind.DUTY_TO_NOTIFY,
        where,
        null,
        anonymousAdult(),
        age,
        exploitation(
            List.of(ExploitationType.LABOUR), false, ExploitationLocation.UK, List.of(), null),
        List.of(),
        consent,
        List.of(),
        null);
  }

  private static PotentialVictim anonymousAdult() {
    return new PotentialVictim(
        null, null, null, null, null, Gender.MALE, List.of("VN"), "VN", null, null, null);
  }

  private static Exploitation exploitation(
      List<ExploitationType> types,
      boolean countyLines,
      ExploitationLocation where,
      List<String> overseas,
      String force) {
    return new Exploitation(types, countyLines, where, overseas, force);
  }
}
