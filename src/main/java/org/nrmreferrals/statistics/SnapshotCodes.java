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
import org.nrmreferrals.referral.AgeGroup;
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

  /** NOT_SPECIFIED first: {@link #orNotSpecified} codes a missing value 0. */
  static final List<String> AGE_GROUPS =
      Stream.concat(
              Stream.of(Dimension.NOT_SPECIFIED), Arrays.stream(AgeGroup.values()).map(Enum::name))
          .toList();

  static final List<String> NATIONS =
      List.of(
          Dimension.NOT_SPECIFIED,
          "ENGLAND",
          "WALES",
          "SCOTLAND",
          "NORTHERN_IRELAND",
          "GREAT_BRITAIN");

  /**
   * The exact combinations of exploitation types, as the Home Office publishes them ("Sexual,
   * Labour & Criminal"): a referral's code is its set of types as a bit set over {@link #TYPES}. In
   * our codes the types are joined by "_AND_" (a "+" would read as a space in a query string), in
   * the Home Office's order (sexual, labour, domestic, organ harvesting, criminal).
   */
  static final List<ExploitationType> PUBLISHED_ORDER =
      List.of(
          ExploitationType.SEXUAL,
          ExploitationType.LABOUR,
          ExploitationType.DOMESTIC_SERVITUDE,
          ExploitationType.ORGAN_HARVESTING,
          ExploitationType.CRIMINAL,
          ExploitationType.NOT_SPECIFIED);

  static final List<String> COMBINATIONS = combinations(false);
  static final List<String> COMBINATION_NAMES = combinations(true);

  static final Map<String, Integer> COUNTRY_CODES = index(COUNTRIES);
  static final Map<String, Integer> AGE_GROUP_CODES = index(AGE_GROUPS);
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

  /**
   * Every nationality of a referral as one value: the codes sorted and joined by "_" ("AL_GR" for
   * an Albanian and Greek dual national), NOT_SPECIFIED for none.
   */
  static String nationalitySet(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isEmpty()) {
      return Dimension.NOT_SPECIFIED;
    }
    return String.join("_", new java.util.TreeSet<>(List.of(commaSeparated.split(","))));
  }

  /** A combination of nationalities in words: "Albania and Greece". */
  static String nationalitySetName(String set) {
    if (set.equals(Dimension.NOT_SPECIFIED)) {
      return "Not specified";
    }
    List<String> names = new java.util.ArrayList<>();
    for (String code : set.split("_")) {
      String name = Countries.name(code);
      names.add(name == null ? code : name);
    }
    return names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1))
            + " and "
            + names.get(names.size() - 1);
  }

  private static List<String> combinations(boolean names) {
    List<String> out = new java.util.ArrayList<>();
    for (int set = 0; set < 1 << TYPES.size(); set++) {
      List<String> parts = new java.util.ArrayList<>();
      for (ExploitationType t : PUBLISHED_ORDER) {
        if ((set & (1 << TYPES.indexOf(t.name()))) != 0) {
          parts.add(names ? word(t) : t.name());
        }
      }
      if (parts.isEmpty()) {
        out.add(names ? "None" : "NONE");
      } else if (!names) {
        out.add(String.join("_AND_", parts));
      } else if (parts.size() == 1) {
        out.add(parts.get(0));
      } else {
        out.add(
            String.join(", ", parts.subList(0, parts.size() - 1))
                + " & "
                + parts.get(parts.size() - 1));
      }
    }
    return List.copyOf(out);
  }

  /** A type as the Home Office's combinations name it. */
  private static String word(ExploitationType t) {
    return switch (t) {
      case SEXUAL -> "Sexual";
      case LABOUR -> "Labour";
      case DOMESTIC_SERVITUDE -> "Domestic";
      case ORGAN_HARVESTING -> "Organ Harvesting";
      case CRIMINAL -> "Criminal";
      case NOT_SPECIFIED -> "Not specified or unknown";
    };
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
