package org.nrmreferrals.statistics;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The grouping and filter parameters every statistics endpoint takes, declared here so that the
 * OpenAPI document lists them. The resource reads the raw query string through {@link
 * StatisticsQuery#parse}, which also refuses parameters not declared here.
 */
public class StatisticsFilters {
  @QueryParam("groupBy")
  @Parameter(
      description =
          "Up to 3 dimensions, comma-separated: year, quarter, month (at most one of these),"
              + " nationality, countryOfOrigin, gender, ageAtExploitation, exploitationType,"
              + " exploitationProfile, countyLines, exploitationLocation, agencyType, agency,"
              + " jurisdiction, policeForce, kind, status. Together with filters, at most 4.",
      example = "quarter,nationality")
  String groupBy;

  @QueryParam("nationality")
  @Parameter(description = "Filter: main nationality, ISO 3166-1 alpha-2 or NOT_SPECIFIED")
  String nationality;

  @QueryParam("countryOfOrigin")
  @Parameter(description = "Filter: ISO 3166-1 alpha-2 or NOT_SPECIFIED")
  String countryOfOrigin;

  @QueryParam("gender")
  @Parameter(description = "Filter: FEMALE, MALE, OTHER or NOT_SPECIFIED")
  String gender;

  @QueryParam("ageAtExploitation")
  @Parameter(description = "Filter: ADULT, CHILD or NOT_SPECIFIED")
  String ageAtExploitation;

  @QueryParam("exploitationType")
  @Parameter(
      description =
          "Filter: referrals that name this type (LABOUR, SEXUAL, CRIMINAL, DOMESTIC_SERVITUDE,"
              + " ORGAN_HARVESTING, NOT_SPECIFIED)")
  String exploitationType;

  @QueryParam("exploitationProfile")
  @Parameter(description = "Filter: the single type named, or MULTIPLE")
  String exploitationProfile;

  @QueryParam("countyLines")
  @Parameter(description = "Filter: true or false")
  String countyLines;

  @QueryParam("exploitationLocation")
  @Parameter(description = "Filter: UK, OVERSEAS, UK_AND_OVERSEAS or NOT_SPECIFIED")
  String exploitationLocation;

  @QueryParam("agencyType")
  @Parameter(description = "Filter: POLICE, LOCAL_AUTHORITY, GOVERNMENT_AGENCY or NGO")
  String agencyType;

  @QueryParam("agency")
  @Parameter(description = "Filter: the referring agency's code")
  String agency;

  @QueryParam("jurisdiction")
  @Parameter(description = "Filter: ENGLAND_AND_WALES, SCOTLAND or NORTHERN_IRELAND")
  String jurisdiction;

  @QueryParam("policeForce")
  @Parameter(description = "Filter: a police force code, or NOT_SPECIFIED")
  String policeForce;

  @QueryParam("kind")
  @Parameter(description = "Filter: NRM or DUTY_TO_NOTIFY")
  String kind;

  @QueryParam("status")
  @Parameter(description = "Filter: the referral's current status")
  String status;
}
