package org.nrmreferrals.referral;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A referral in the terms of IOM's Human Trafficking Case Data Standard 2.0: HTCDS field names
 * (with their prefixes) and value names, grouped by the standard's sections; what HTCDS has no
 * field for is under {@code extensions}, with the prefix {@code nrm_}. Absent values are omitted.
 */
@Schema(name = "HtcdsExport")
public record HtcdsExport(
    @Schema(example = "HTCDS 2.0") String standard,
    @Schema(
            description =
                "Attribution: Human Trafficking Case Data Standard 2.0, International Organization"
                    + " for Migration (IOM), CC BY 4.0")
        String source,
    Instant exportedAt,
    @JsonProperty("case") CaseSection caseDetails,
    Person person,
    Victim victim,
    List<TraffickingEvent> historicTraffickingEvents,
    ConsentSection consent,
    Extensions extensions) {

  /** HTCDS "Case" and "Referral Details". */
  @Schema(name = "HtcdsCase")
  public record CaseSection(
      @Schema(enumeration = {"Active", "Closed"}) String cas_Status,
      @Schema(nullable = true) String cas_ReasonForCaseClosure,
      Organisation cas_ReferringOrganisation,
      LocalDate cas_IncomingReferralDate,
      @Schema(nullable = true, description = "The first responder's account, as given")
          String cas_IncomingReferralDetails) {}

  /** HTCDS "Organization". */
  @Schema(name = "HtcdsOrganisation")
  public record Organisation(
      String org_Name,
      @Schema(
              enumeration = {
                "LawEnforcement",
                "LocalGovernmentOrganisation",
                "CentralGovernmentOrganisation",
                "NGO"
              })
          String org_Type) {}

  /** HTCDS "Person"; the identifying fields are absent once the personal data is erased. */
  @Schema(name = "HtcdsPerson")
  public record Person(
      @Schema(nullable = true) String prs_FirstName,
      @Schema(nullable = true) String prs_SecondName,
      @Schema(nullable = true) LocalDate prs_Birthdate,
      @Schema(
              enumeration = {
                "Feminine",
                "Masculine",
                "TransgenderFeminine",
                "TransgenderMasculine",
                "NonConforming",
                "NonSpecifiedUnknown"
              })
          String prs_Gender,
      @Schema(description = "ISO 3166 two-letter codes") List<String> prs_Citizenship,
      @Schema(nullable = true, description = "ISO 639-2 code") String prs_PrimaryLanguage,
      @Schema(nullable = true, description = "ISO 639-2 code") String prs_SecondaryLanguage,
      @Schema(nullable = true) String prs_Email,
      @Schema(nullable = true, description = "The phone number given (its kind is not recorded)")
          String prs_MobilePhone,
      @Schema(nullable = true, description = "The whole address as given, unstructured")
          String prs_MailingStreet) {}

  /** HTCDS "Person - Victim Context". */
  @Schema(name = "HtcdsVictim")
  public record Victim(
      @Schema(
              enumeration = {
                "PossibleVictimOfTrafficking",
                "ActualVictimOfTrafficking",
                "NotAVictimOfTrafficking"
              })
          String vic_TraffickingStatus,
      @Schema(
              nullable = true,
              description = "Who decided the status: the competent authority, once it has")
          String vic_TraffickingStatusDecisionMakingOrg,
      List<String> vic_TypeOfExploitation,
      @Schema(description = "From the indicators recorded that HTCDS names")
          List<String> vic_MethodsOfControl) {}

  /** HTCDS "Historic Trafficking Events": where the exploitation took place, by country. */
  @Schema(name = "HtcdsTraffickingEvent")
  public record TraffickingEvent(
      @Schema(enumeration = {"Exploitation"}) String hte_Type,
      @Schema(description = "ISO 3166 two-letter code") String hte_Country) {}

  /** HTCDS "Consent". */
  @Schema(name = "HtcdsConsent")
  public record ConsentSection(Boolean con_Consent) {}

  /** What the NRM records and HTCDS has no field for. */
  @Schema(name = "HtcdsExtensions")
  public record Extensions(
      UUID nrm_Id,
      String nrm_Reference,
      String nrm_Kind,
      String nrm_Status,
      String nrm_Jurisdiction,
      @Schema(description = "ADULT, CHILD or NOT_SPECIFIED (HTCDS asks for an age in years)")
          String nrm_AgeAtExploitation,
      @Schema(description = "The UK exploitation types, finer than HTCDS's")
          List<String> nrm_ExploitationTypes,
      boolean nrm_CountyLines,
      List<String> nrm_Aliases,
      @Schema(nullable = true) Instant nrm_PersonalDataErasedAt) {}
}
