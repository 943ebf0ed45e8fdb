package org.nrmreferrals.referral.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/** A referral in the terms of the Human Trafficking Case Data Standard (HTCDS 2.0). */
@Path("/api/v1/referrals/{id}/htcds")
@Produces(MediaType.APPLICATION_JSON)
public class HtcdsResource {
  private final HtcdsExports htcds;
  private final Caller caller;

  HtcdsResource(HtcdsExports htcds, Caller caller) {
    this.htcds = htcds;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.CASEWORKER, Roles.ADMIN})
  public HtcdsExport htcds(@PathParam("id") String id) {
    return htcds.export(caller, QueryParams.uuid("id", id));
  }
}
