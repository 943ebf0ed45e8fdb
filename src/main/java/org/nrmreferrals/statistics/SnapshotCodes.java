package org.nrmreferrals.statistics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nrmreferrals.agency.AgencyType;
import org.nrmreferrals.reference.Countries;
import org.nrmreferrals.reference.ExploitationType;
import org.nrmreferrals.reference.Jurisdiction;
import org.nrmreferrals.referral.AgeAtExploitation;
import org.nrmreferrals.referral.ExploitationLocation;
import org.nrmreferrals.referral.Gender;
import org.nrmreferrals.referral.ReferralKind;
import org.nrmreferrals.workflow.ReferralStatus;

/**
 * The values of the coded dimensions the snapshot's columns hold (a code is an index into its
 * list), and the coding of a value read from the database.
 */
final class SnapshotCodes {
  static final String MULTIPLE = "MULTIPLE";
  static final List<String> COUNTRIES =
      Stream.concat(Stream.of(Dimension.NOT_SPECIFIED), Countries.codes().stream()).toList();
  static final List<String> TYPES = names(ExploitationType.values());
  static final List<String> PROFILES = Stream.concat(TYPES.stream(), Stream.of(MULTIPLE)).toList();
  static final List<String> BOOLEANS = List.of("false", "true");
  static final List<String> GENDERS = names(Gender.values());
  static final List<String> AGES = names(AgeAtExploitation.values());
  static final List<String> LOCATIONS = names(ExploitationLocation.values());
  static final List<String> JURISDICTIONS = names(Jurisdiction.values());
  static final List<String> KINDS = names(ReferralKind.values());
  static final List<String> STATUSES = names(ReferralStatus.values());
  static final List<String> AGENCY_TYPES = names(AgencyType.values());

  static final Map<String, Integer> COUNTRY_CODES = index(COUNTRIES);
  static final Map<String, Integer> TYPE_CODES = index(TYPES);

  private SnapshotCodes() {}

  /** A code's index, or 0 (NOT_SPECIFIED) for no code. */
  static int orNotSpecified(Map<String, Integer> index, String value) {
    return value == null ? 0 : index.getOrDefault(value, 0);
  }

  static byte code(List<String> values, String value) {
    int i = values.indexOf(value);
    if (i < 0) {
      throw new IllegalStateException("unexpected value " + value);
    }
    return (byte) i;
  }

  static Map<String, Integer> index(List<String> values) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      index.put(values.get(i), i);
    }
    return Map.copyOf(index);
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
