package org.nrmreferrals.referral.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.agency.AgencyType;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.reference.ExploitationType;
import org.nrmreferrals.reference.Htcds;
import org.nrmreferrals.reference.IndicatorCatalogue;
import org.nrmreferrals.referral.Consent;
import org.nrmreferrals.referral.Exploitation;
import org.nrmreferrals.referral.Gender;
import org.nrmreferrals.referral.PersonalData;
import org.nrmreferrals.referral.PersonalDataStore;
import org.nrmreferrals.referral.PotentialVictim;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.referral.ReferralQueries;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.workflow.ReferralStatus;

/**
 * Exports a referral in HTCDS 2.0 terms for partners whose systems follow that standard. Every code
 * this service uses is mapped to an HTCDS value name, and every mapping is checked against the
 * standard's field table when the service starts. An export shows personal data, so it is audited
 * like a read.
 */
@ApplicationScoped
class HtcdsExports {
  static final String SOURCE =
      "Human Trafficking Case Data Standard 2.0, International Organization for Migration (IOM),"
          + " CC BY 4.0";
  static final Map<Gender, String> GENDER = new EnumMap<>(Gender.class);
  static final Map<ExploitationType, String> EXPLOITATION = new EnumMap<>(ExploitationType.class);
  static final Map<AgencyType, String> ORGANISATION = new EnumMap<>(AgencyType.class);
  static final Map<ReferralStatus, String> TRAFFICKING_STATUS = new EnumMap<>(ReferralStatus.class);

  static {
    GENDER.put(Gender.FEMALE, "Feminine");
    GENDER.put(Gender.MALE, "Masculine");
    GENDER.put(Gender.OTHER, "NonConforming");
    GENDER.put(Gender.NOT_SPECIFIED, "NonSpecifiedUnknown");
    EXPLOITATION.put(ExploitationType.LABOUR, "ForcedLabour");
    EXPLOITATION.put(ExploitationType.SEXUAL, "SexualExploitation");
    EXPLOITATION.put(ExploitationType.CRIMINAL, "Other");
    EXPLOITATION.put(ExploitationType.DOMESTIC_SERVITUDE, "Servitude");
    EXPLOITATION.put(ExploitationType.ORGAN_HARVESTING, "OrganRemoval");
    // NOT_SPECIFIED has no HTCDS value: it is left out (and kept in nrm_ExploitationTypes).
    ORGANISATION.put(AgencyType.POLICE, "LawEnforcement");
    ORGANISATION.put(AgencyType.LOCAL_AUTHORITY, "LocalGovernmentOrganisation");
    ORGANISATION.put(AgencyType.GOVERNMENT_AGENCY, "CentralGovernmentOrganisation");
    ORGANISATION.put(AgencyType.NGO, "NGO");
    for (ReferralStatus s : ReferralStatus.values()) {
      TRAFFICKING_STATUS.put(
          s,
          switch (s) {
            case CG_POSITIVE -> "ActualVictimOfTrafficking";
            case CG_NEGATIVE, RG_NEGATIVE -> "NotAVictimOfTrafficking";
            case SUBMITTED,
                SUSPENDED,
                RG_POSITIVE,
                RECONSIDERATION_REQUESTED,
                WITHDRAWN,
                NOTIFIED ->
                "PossibleVictimOfTrafficking";
          });
    }
  }

  private final ReferralQueries queries;
  private final PersonalDataStore personalData;
  private final IndicatorCatalogue indicators;
  private final AuditTrail audit;
  private final Clock clock;
  private final ZoneId zone;

  HtcdsExports(
      ReferralQueries queries,
      PersonalDataStore personalData,
      IndicatorCatalogue indicators,
      AuditTrail audit,
      Clock clock,
      NrmConfig config,
      Htcds htcds) {
    this.queries = queries;
    this.personalData = personalData;
    this.indicators = indicators;
    this.audit = audit;
    this.clock = clock;
    this.zone = ZoneId.of(config.jurisdictionZone());
    check(htcds);
  }

  /**
   * Fails (and so stops the start) if a mapping names a field or value the standard lacks, or a
   * code of this service has no mapping.
   */
  static void check(Htcds htcds) {
    for (Gender g : Gender.values()) {
      htcds.value("prs_Gender", GENDER.get(g));
    }
    EXPLOITATION.values().forEach(v -> htcds.value("vic_TypeOfExploitation", v));
    for (AgencyType t : AgencyType.values()) {
      htcds.value("org_Type", ORGANISATION.get(t));
    }
    TRAFFICKING_STATUS.values().forEach(v -> htcds.value("vic_TraffickingStatus", v));
    htcds.value("vic_TraffickingStatusDecisionMakingOrg", "NonPoliceGovernmentalOrganization");
    htcds.value("cas_Status", "Active");
    htcds.value("cas_Status", "Closed");
    htcds.value("hte_Type", "Exploitation");
  }

  /** The referral, if the caller may see it, in HTCDS terms; the export is audited. */
  @Transactional
  HtcdsExport export(Caller caller, UUID id) {
    Referral r = queries.visible(caller, id);
    PersonalData personal = personalData.find(r.id());
    audit.append(
        AuditEvent.of(Action.REFERRAL_EXPORTED)
            .referral(r.id(), r.agency().code())
            .detail("format", "HTCDS-2.0")
            .detail("personalData", personal != null));
    PotentialVictim person = r.potentialVictim(personal);
    Exploitation exploitation = r.exploitation();
    PersonalData p = personal == null ? PersonalData.NONE : personal;
    boolean closed = closed(r.status());
    boolean decided =
        r.status() == ReferralStatus.RG_NEGATIVE
            || r.status() == ReferralStatus.CG_NEGATIVE
            || r.status() == ReferralStatus.CG_POSITIVE;
    List<String> languages = person.languages() == null ? List.of() : person.languages();
    return new HtcdsExport(
        "HTCDS 2.0",
        SOURCE,
        clock.instant().truncatedTo(ChronoUnit.SECONDS),
        new HtcdsExport.CaseSection(
            closed ? "Closed" : "Active",
            closed ? closure(r.status()) : null,
            new HtcdsExport.Organisation(r.agency().name(), ORGANISATION.get(r.agency().type())),
            r.submittedAt().atZone(zone).toLocalDate(),
            p.account()),
        new HtcdsExport.Person(
            p.givenName(),
            p.familyName(),
            p.dateOfBirth(),
            GENDER.get(person.gender()),
            List.copyOf(person.nationalities()),
            languages.isEmpty() ? null : iso639_2(languages.get(0)),
            languages.size() < 2 ? null : iso639_2(languages.get(1)),
            p.email(),
            p.phone(),
            p.address()),
        new HtcdsExport.Victim(
            TRAFFICKING_STATUS.get(r.status()),
            decided ? "NonPoliceGovernmentalOrganization" : null,
            exploitationTypes(exploitation.types()),
            methodsOfControl(r.indicators())),
        exploitationEvents(exploitation),
        new HtcdsExport.ConsentSection(
            r.status() == ReferralStatus.NOTIFIED ? Boolean.FALSE : consent(r)),
        new HtcdsExport.Extensions(
            r.id(),
            r.reference(),
            r.kind().name(),
            r.status().name(),
            r.jurisdiction().name(),
            r.ageAtExploitation().name(),
            exploitation.types().stream().map(Enum::name).toList(),
            exploitation.countyLines(),
            p.aliases(),
            r.personalDataErasedAt()));
  }

  private static boolean closed(ReferralStatus status) {
    return switch (status) {
      case SUBMITTED, SUSPENDED, RG_POSITIVE, RECONSIDERATION_REQUESTED -> false;
      case RG_NEGATIVE, CG_POSITIVE, CG_NEGATIVE, WITHDRAWN, NOTIFIED -> true;
    };
  }

  private static String closure(ReferralStatus status) {
    return switch (status) {
      case RG_NEGATIVE -> "Negative reasonable grounds decision by the competent authority.";
      case CG_POSITIVE -> "Positive conclusive grounds decision by the competent authority.";
      case CG_NEGATIVE -> "Negative conclusive grounds decision by the competent authority.";
      case WITHDRAWN -> "Referral withdrawn.";
      case NOTIFIED -> "Duty to Notify report: the person did not enter the NRM.";
      default -> null;
    };
  }

  private static Boolean consent(Referral r) {
    Consent consent = r.consent();
    return consent == null ? null : consent.referral();
  }

  /** An ISO 639-1 code as ISO 639-2 (terminology), as HTCDS asks. */
  static String iso639_2(String code) {
    return new Locale(code).getISO3Language();
  }

  private static List<String> exploitationTypes(List<ExploitationType> types) {
    Set<String> out = new LinkedHashSet<>();
    for (ExploitationType t : types) {
      String v = EXPLOITATION.get(t);
      if (v != null) {
        out.add(v);
      }
    }
    return List.copyOf(out);
  }

  private List<String> methodsOfControl(List<String> codes) {
    Set<String> out = new LinkedHashSet<>();
    for (String code : codes) {
      indicators.htcdsName(code).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  private static List<HtcdsExport.TraffickingEvent> exploitationEvents(Exploitation e) {
    List<String> countries = new ArrayList<>();
    switch (e.location()) {
      case UK -> countries.add("GB");
      case OVERSEAS -> countries.addAll(e.overseasCountries());
      case UK_AND_OVERSEAS -> {
        countries.add("GB");
        countries.addAll(e.overseasCountries());
      }
      case NOT_SPECIFIED -> {}
    }
    return new LinkedHashSet<>(countries)
        .stream().map(c -> new HtcdsExport.TraffickingEvent("Exploitation", c)).toList();
  }
}
