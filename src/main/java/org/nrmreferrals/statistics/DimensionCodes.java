package org.nrmreferrals.statistics;

import java.util.List;
import java.util.function.IntUnaryOperator;

/** The dimensions over the snapshot: each one's values, and each slot's code on it. */
final class DimensionCodes {
  private DimensionCodes() {}

  static List<String> domain(CodedFacts s, Dimension d) {
    return switch (d) {
      case NATIONALITY, COUNTRY_OF_ORIGIN -> SnapshotCodes.COUNTRIES;
      case NATIONALITIES -> s.nationalitySets.sorted();
      case GENDER -> SnapshotCodes.GENDERS;
      case AGE_AT_EXPLOITATION -> SnapshotCodes.AGES;
      case AGE_GROUP_AT_REFERRAL -> SnapshotCodes.AGE_GROUPS;
      case EXPLOITATION_TYPE -> SnapshotCodes.TYPES;
      case EXPLOITATION_PROFILE -> SnapshotCodes.PROFILES;
      case EXPLOITATION_COMBINATION -> SnapshotCodes.COMBINATIONS;
      case COUNTY_LINES -> SnapshotCodes.BOOLEANS;
      case EXPLOITATION_LOCATION -> SnapshotCodes.LOCATIONS;
      case AGENCY_TYPE -> SnapshotCodes.AGENCY_TYPES;
      case AGENCY -> s.agencies.sorted();
      case JURISDICTION -> SnapshotCodes.JURISDICTIONS;
      case POLICE_FORCE -> s.policeForces;
      case NATION -> SnapshotCodes.NATIONS;
      case COMPETENT_AUTHORITY -> s.authorities.sorted();
      case KIND -> SnapshotCodes.KINDS;
      case STATUS -> SnapshotCodes.STATUSES;
      case YEAR, QUARTER, MONTH -> throw new IllegalArgumentException("time has no fixed domain");
    };
  }

  /** A slot's code on a dimension (a bit set for the multi-valued exploitation type). */
  static IntUnaryOperator code(CodedFacts s, Dimension d) {
    return switch (d) {
      case NATIONALITY -> {
        short[] a = s.nationality;
        yield slot -> a[slot];
      }
      case NATIONALITIES -> {
        short[] set = s.nationalitySet;
        int[] rank = s.nationalitySets.rank();
        yield slot -> rank[set[slot]];
      }
      case COUNTRY_OF_ORIGIN -> {
        short[] a = s.countryOfOrigin;
        yield slot -> a[slot];
      }
      case GENDER -> bytes(s.gender);
      case AGE_AT_EXPLOITATION -> bytes(s.age);
      case AGE_GROUP_AT_REFERRAL -> bytes(s.ageGroup);
      case EXPLOITATION_TYPE -> bytes(s.types);
      case EXPLOITATION_PROFILE -> bytes(s.profile);
      case EXPLOITATION_COMBINATION -> bytes(s.types);
      case COUNTY_LINES -> bytes(s.countyLines);
      case EXPLOITATION_LOCATION -> bytes(s.location);
      case AGENCY_TYPE -> {
        short[] agency = s.agency;
        byte[] type = s.agencyType;
        yield slot -> type[agency[slot]];
      }
      case AGENCY -> {
        short[] agency = s.agency;
        int[] rank = s.agencies.rank();
        yield slot -> rank[agency[slot]];
      }
      case JURISDICTION -> bytes(s.jurisdiction);
      case POLICE_FORCE -> bytes(s.policeForce);
      case NATION -> {
        byte[] force = s.policeForce;
        int[] nationOf = new int[s.policeForces.size()];
        for (int i = 0; i < nationOf.length; i++) {
          nationOf[i] = SnapshotCodes.NATIONS.indexOf(s.policeForceNations.get(i));
        }
        yield slot -> nationOf[force[slot]];
      }
      case COMPETENT_AUTHORITY -> {
        byte[] authority = s.authority;
        int[] rank = s.authorities.rank();
        yield slot -> rank[authority[slot]];
      }
      case KIND -> bytes(s.kind);
      case STATUS -> bytes(s.status);
      case YEAR, QUARTER, MONTH -> throw new IllegalArgumentException("time is not coded");
    };
  }

  private static IntUnaryOperator bytes(byte[] a) {
    return slot -> a[slot];
  }
}
