package org.nrmreferrals.agency;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered agency as the API shows it. */
@Schema(name = "Agency")
public record AgencyView(String code, String name, AgencyType type, boolean active) {
  static AgencyView from(Agency agency) {
    return new AgencyView(agency.code(), agency.name(), agency.type(), agency.isActive());
  }
}
