package org.nrmreferrals.agency;

/** A registered agency as the API shows it. */
public record AgencyView(
    String code, String name, AgencyType type, boolean active, boolean supportProvider) {
  static AgencyView from(Agency agency) {
    return new AgencyView(
        agency.code(), agency.name(), agency.type(), agency.isActive(), agency.isSupportProvider());
  }
}
