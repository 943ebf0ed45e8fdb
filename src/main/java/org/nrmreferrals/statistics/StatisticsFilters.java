package org.nrmreferrals.statistics;

import jakarta.ws.rs.QueryParam;

/**
 * The grouping and filter parameters every statistics endpoint takes, declared here so that the
 * OpenAPI document lists them. The resource reads the raw query string through {@link
 * StatisticsQuery#parse}, which also refuses parameters not declared here.
 */
public class StatisticsFilters {
  @QueryParam("groupBy")
  String groupBy;

  @QueryParam("nationality")
  String nationality;

  @QueryParam("nationalities")
  String nationalities;

  @QueryParam("countryOfOrigin")
  String countryOfOrigin;

  @QueryParam("gender")
  String gender;

  @QueryParam("ageAtExploitation")
  String ageAtExploitation;

  @QueryParam("exploitationType")
  String exploitationType;

  @QueryParam("exploitationProfile")
  String exploitationProfile;

  @QueryParam("countyLines")
  String countyLines;

  @QueryParam("exploitationLocation")
  String exploitationLocation;

  @QueryParam("agencyType")
  String agencyType;

  @QueryParam("agency")
  String agency;

  @QueryParam("jurisdiction")
  String jurisdiction;

  @QueryParam("policeForce")
  String policeForce;

  @QueryParam("kind")
  String kind;

  @QueryParam("status")
  String status;

  @QueryParam("ageGroupAtReferral")
  String ageGroupAtReferral;

  @QueryParam("exploitationCombination")
  String exploitationCombination;

  @QueryParam("nation")
  String nation;

  @QueryParam("competentAuthority")
  String competentAuthority;
}
