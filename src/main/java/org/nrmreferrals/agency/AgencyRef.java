package org.nrmreferrals.agency;

/** The short form of an agency embedded in other resources. */
public record AgencyRef(String code, String name, AgencyType type) {
  public static AgencyRef from(Agency agency) {
    return new AgencyRef(agency.code(), agency.name(), agency.type());
  }
}
