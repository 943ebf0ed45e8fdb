package org.nrmreferrals.referral.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A referral in the terms of IOM's Human Trafficking Case Data Standard 2.0: HTCDS field names
 * (with their prefixes) and value names, grouped by the standard's sections; what HTCDS has no
 * field for is under {@code extensions}, with the prefix {@code nrm_}. Absent values are omitted.
 */
public record HtcdsExport(
    String standard,
    String source,
    Instant exportedAt,
    @JsonProperty("case") CaseSection caseDetails,
    Person person,
    Victim victim,
    List<TraffickingEvent> historicTraffickingEvents,
    ConsentSection consent,
    Extensions extensions) {

  /** HTCDS "Case" and "Referral Details". */
  public record CaseSection(
      String cas_Status,
      String cas_ReasonForCaseClosure,
      Organisation cas_ReferringOrganisation,
      LocalDate cas_IncomingReferralDate,
      String cas_IncomingReferralDetails) {}

  /** HTCDS "Organization". */
  public record Organisation(String org_Name, String org_Type) {}

  /** HTCDS "Person"; the identifying fields are absent once the personal data is erased. */
  public record Person(
      String prs_FirstName,
      String prs_SecondName,
      LocalDate prs_Birthdate,
      String prs_Gender,
      List<String> prs_Citizenship,
      String prs_PrimaryLanguage,
      String prs_SecondaryLanguage,
      String prs_Email,
      String prs_MobilePhone,
      String prs_MailingStreet) {}

  /** HTCDS "Person - Victim Context". */
  public record Victim(
      String vic_TraffickingStatus,
      String vic_TraffickingStatusDecisionMakingOrg,
      List<String> vic_TypeOfExploitation,
      List<String> vic_MethodsOfControl) {}

  /** HTCDS "Historic Trafficking Events": where the exploitation took place, by country. */
  public record TraffickingEvent(String hte_Type, String hte_Country) {}

  /** HTCDS "Consent". */
  public record ConsentSection(Boolean con_Consent) {}

  /** What the NRM records and HTCDS has no field for. */
  public record Extensions(
      UUID nrm_Id,
      String nrm_Reference,
      String nrm_Kind,
      String nrm_Status,
      String nrm_Jurisdiction,
      String nrm_AgeAtExploitation,
      List<String> nrm_ExploitationTypes,
      boolean nrm_CountyLines,
      List<String> nrm_Aliases,
      Instant nrm_PersonalDataErasedAt) {}
}
