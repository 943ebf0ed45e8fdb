package org.nrmreferrals.referral.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nrmreferrals.agency.AgencyType.NGO;
import static org.nrmreferrals.agency.AgencyType.POLICE;
import static org.nrmreferrals.referral.AgeGroup.ADULT;
import static org.nrmreferrals.referral.AgeGroup.CHILD;
import static org.nrmreferrals.referral.AgeGroup.UNKNOWN_POSSIBLY_CHILD;

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
import org.nrmreferrals.referral.AgeGroup;
import org.nrmreferrals.referral.Consent;
import org.nrmreferrals.referral.ContactDetails;
import org.nrmreferrals.referral.Exploitation;
import org.nrmreferrals.referral.ExploitationLocation;
import org.nrmreferrals.referral.Gender;
import org.nrmreferrals.referral.ImmigrationCircumstance;
import org.nrmreferrals.referral.PotentialVictim;
import org.nrmreferrals.referral.ReferralKind;
import org.nrmreferrals.referral.SubmitReferralRequest;
import org.nrmreferrals.referral.SupportNeed;
import org.nrmreferrals.web.Problem.Violation;

/** The cross-field rules of intake, over the age now, consent and Duty to Notify. */
class IntakeRulesTest {
  private static final AgeAtExploitation CHILD_THEN = AgeAtExploitation.CHILD;
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
  private static final LocalDate BORN_A_CHILD = TODAY.minusYears(12);
  private static final LocalDate BORN_AN_ADULT = LocalDate.of(1999, 4, 2);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("consented adult NRM", nrm().now(ADULT).consent(true), POLICE, none()),
        Arguments.of("child without consent", nrm().exploited(CHILD_THEN).now(CHILD), NGO, none()),
        Arguments.of(
            "possibly a child, presumed one (s.51)",
            nrm().exploited(AgeAtExploitation.NOT_SPECIFIED).now(UNKNOWN_POSSIBLY_CHILD),
            NGO,
            none()),
        Arguments.of(
            "an adult now exploited as a child, without consent",
            nrm().exploited(CHILD_THEN).now(ADULT),
            POLICE,
            List.of("consent.referral")),
        Arguments.of(
            "adult without consent", nrm().now(ADULT), POLICE, List.of("consent.referral")),
        Arguments.of(
            "adult refusing consent",
            nrm().now(ADULT).consent(false),
            POLICE,
            List.of("consent.referral")),
        Arguments.of("age disputed, presumed a child", nrm().now(ADULT).disputed(), NGO, none()),
        Arguments.of(
            "nothing said of the age now", nrm().consent(true), NGO, List.of("ageGroupAtReferral")),
        Arguments.of(
            "a date of birth that makes a child",
            nrm().exploited(CHILD_THEN).born(BORN_A_CHILD),
            NGO,
            none()),
        Arguments.of(
            "a date of birth that makes an adult exploited as a child",
            nrm().exploited(CHILD_THEN).born(BORN_AN_ADULT),
            NGO,
            List.of("consent.referral")),
        Arguments.of(
            "a stated group the date of birth contradicts",
            nrm().born(BORN_AN_ADULT).now(CHILD),
            NGO,
            List.of("ageGroupAtReferral", "consent.referral")),
        Arguments.of(
            "the same contradiction with the age disputed",
            nrm().born(BORN_AN_ADULT).now(CHILD).disputed(),
            NGO,
            none()),
        Arguments.of(
            "an estimated age of an adult", nrm().estimated(30), NGO, List.of("consent.referral")),
        Arguments.of(
            "a child's local authority", nrm().now(CHILD).localAuthority("LA_ONE"), NGO, none()),
        Arguments.of(
            "an unknown local authority",
            nrm().now(CHILD).localAuthority("NOWHERE"),
            NGO,
            List.of("childLocalAuthority")),
        Arguments.of(
            "a local authority for an adult",
            nrm().now(ADULT).consent(true).localAuthority("LA_ONE"),
            NGO,
            List.of("childLocalAuthority")),
        Arguments.of(
            "repeated immigration circumstances",
            nrm()
                .now(ADULT)
                .consent(true)
                .circumstances(
                    ImmigrationCircumstance.FOREIGN_NATIONAL_OFFENDER,
                    ImmigrationCircumstance.FOREIGN_NATIONAL_OFFENDER),
            POLICE,
            List.of("immigrationCircumstances[1]")),
        Arguments.of("anonymous DtN from police", dtn(), POLICE, none()),
        Arguments.of("anonymous DtN from a council", dtn(), AgencyType.LOCAL_AUTHORITY, none()),
        Arguments.of(
            "DtN of an adult exploited as a child", dtn().exploited(CHILD_THEN), POLICE, none()),
        Arguments.of("DtN from an NGO", dtn(), NGO, List.of("kind")),
        Arguments.of(
            "DtN for a child now", dtn().now(CHILD), POLICE, List.of("ageGroupAtReferral")),
        Arguments.of(
            "DtN for a person who may be a child",
            dtn().now(UNKNOWN_POSSIBLY_CHILD),
            POLICE,
            List.of("ageGroupAtReferral")),
        Arguments.of(
            "DtN with the age disputed", dtn().disputed(), POLICE, List.of("ageGroupAtReferral")),
        Arguments.of(
            "DtN naming immigration circumstances",
            dtn().circumstances(ImmigrationCircumstance.IN_IMMIGRATION_DETENTION),
            POLICE,
            List.of("immigrationCircumstances")),
        Arguments.of(
            "DtN in Scotland", dtn().in(Jurisdiction.SCOTLAND), POLICE, List.of("jurisdiction")),
        Arguments.of(
            "DtN in Northern Ireland",
            dtn().in(Jurisdiction.NORTHERN_IRELAND),
            POLICE,
            List.of("jurisdiction")),
        Arguments.of("DtN with consent", dtn().consent(true), POLICE, List.of("consent.referral")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checksTheAgeNowConsentAndDutyToNotifyEligibility(
      String name, Builder request, AgencyType agency, List<String> fields) {
    assertEquals(fields, fields(request.build(), agency));
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
            ADULT,
            null,
            null,
            null,
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
            CHILD,
            null,
            null,
            null,
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
            CHILD,
            null,
            null,
            null,
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
    return IntakeRules.check(
            request,
            agency,
            TODAY,
            new IntakeRules.Known("ISOLATION"::equals, "KENT"::equals, "LA_ONE"::equals))
        .stream()
        .map(Violation::field)
        .toList();
  }

  private static List<String> none() {
    return List.of();
  }

  private static Builder nrm() {
    return new Builder(ReferralKind.NRM);
  }

  /** A Duty to Notify report of an adult now, from England and Wales. */
  private static Builder dtn() {
    return new Builder(ReferralKind.DUTY_TO_NOTIFY).now(ADULT).consent(false);
  }

  /** A referral of an anonymous person, adjusted one fact at a time. */
  static final class Builder {
    private final ReferralKind kind;
    private Jurisdiction jurisdiction = Jurisdiction.ENGLAND_AND_WALES;
    private AgeAtExploitation exploited = AgeAtExploitation.ADULT;
    private AgeGroup now;
    private Boolean disputed;
    private LocalDate born;
    private Integer estimated;
    private Consent consent;
    private String localAuthority;
    private List<ImmigrationCircumstance> circumstances = List.of();

    Builder(ReferralKind kind) {
      this.kind = kind;
    }

    Builder in(Jurisdiction where) {
      jurisdiction = where;
      return this;
    }

    Builder exploited(AgeAtExploitation age) {
      exploited = age;
      return this;
    }

    Builder now(AgeGroup age) {
      now = age;
      return this;
    }

    Builder disputed() {
      disputed = true;
      return this;
    }

    Builder born(LocalDate day) {
      born = day;
      return this;
    }

    Builder estimated(int age) {
      estimated = age;
      return this;
    }

    Builder consent(boolean referral) {
      consent = new Consent(referral, null, null);
      return this;
    }

    Builder localAuthority(String code) {
      localAuthority = code;
      return this;
    }

    Builder circumstances(ImmigrationCircumstance... all) {
      circumstances = List.of(all);
      return this;
    }

    SubmitReferralRequest build() {
      PotentialVictim person =
          new PotentialVictim(
              null,
              null,
              null,
              born,
              estimated,
              Gender.MALE,
              List.of("VN"),
              "VN",
              null,
              null,
              null);
      return new SubmitReferralRequest(
          kind,
          jurisdiction,
          null,
          person,
          exploited,
          now,
          disputed,
          circumstances,
          localAuthority,
          exploitation(
              List.of(ExploitationType.LABOUR), false, ExploitationLocation.UK, List.of(), null),
          List.of(),
          consent,
          List.of(),
          null);
    }

    @Override
    public String toString() {
      return kind.name();
    }
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
