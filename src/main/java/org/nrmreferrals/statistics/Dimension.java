package org.nrmreferrals.statistics;

import java.util.Arrays;
import java.util.Optional;

/**
 * What statistics group and filter by. The declaration order is the canonical order in which a
 * cube's axes are laid out, so that a table is protected the same way in every query.
 */
public enum Dimension {
  YEAR("year"),
  QUARTER("quarter"),
  MONTH("month"),
  NATIONALITY("nationality"),
  NATIONALITIES("nationalities"),
  COUNTRY_OF_ORIGIN("countryOfOrigin"),
  GENDER("gender"),
  AGE_AT_EXPLOITATION("ageAtExploitation"),
  AGE_GROUP_AT_REFERRAL("ageGroupAtReferral"),
  EXPLOITATION_TYPE("exploitationType"),
  EXPLOITATION_PROFILE("exploitationProfile"),
  EXPLOITATION_COMBINATION("exploitationCombination"),
  COUNTY_LINES("countyLines"),
  EXPLOITATION_LOCATION("exploitationLocation"),
  AGENCY_TYPE("agencyType"),
  AGENCY("agency"),
  JURISDICTION("jurisdiction"),
  POLICE_FORCE("policeForce"),
  NATION("nation"),
  COMPETENT_AUTHORITY("competentAuthority"),
  KIND("kind"),
  STATUS("status");

  /** The value of a coded dimension that stands for "not known or not given". */
  public static final String NOT_SPECIFIED = "NOT_SPECIFIED";

  private final String wireName;

  Dimension(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  boolean isTime() {
    return this == YEAR || this == QUARTER || this == MONTH;
  }

  /** Whether one referral may hold several values (it then counts once per value). */
  boolean isMulti() {
    return this == EXPLOITATION_TYPE;
  }

  /** Whether rows carry an English name beside the code. */
  boolean isCountry() {
    return this == NATIONALITY || this == COUNTRY_OF_ORIGIN;
  }

  static Optional<Dimension> byWireName(String name) {
    return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
  }

  static String wireNames() {
    return String.join(", ", Arrays.stream(values()).map(Dimension::wireName).toList());
  }
}
