package org.nrmreferrals.agency;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The short form of an agency embedded in other resources. */
@Schema(name = "AgencyRef")
public record AgencyRef(String code, String name, AgencyType type) {
  public static AgencyRef from(Agency agency) {
    return new AgencyRef(agency.code(), agency.name(), agency.type());
  }
}
