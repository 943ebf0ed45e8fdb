package org.nrmreferrals.referral.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/**
 * Disqualification, emergency support, temporary leave and further RGs: facts beside the status.
 */
@Path("/api/v1/referrals/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CASEWORKER)
public class FactsResource {
  private final Disqualifying disqualifying;
  private final CaseFacts facts;
  private final Caller caller;

  FactsResource(Disqualifying disqualifying, CaseFacts facts, Caller caller) {
    this.disqualifying = disqualifying;
    this.facts = facts;
    this.caller = caller;
  }

  @POST
  @Path("/disqualification")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response disqualify(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid DisqualificationRequest body) {
    return disqualifying
        .request(caller, QueryParams.uuid("id", id), ifMatch, body)
        .respond(Response.Status.ACCEPTED);
  }

  @POST
  @Path("/disqualification/confirmation")
  public Response confirm(
      @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return disqualifying.confirm(caller, QueryParams.uuid("id", id), ifMatch).ok();
  }

  @DELETE
  @Path("/disqualification")
  public Response withdraw(
      @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return disqualifying.withdraw(caller, QueryParams.uuid("id", id), ifMatch).ok();
  }

  @POST
  @Path("/emergency-support")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response emergencySupport(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid SupportFactRequests.EmergencySupport body) {
    return facts.emergencySupport(caller, QueryParams.uuid("id", id), ifMatch, body).ok();
  }

  @PUT
  @Path("/temporary-leave")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response temporaryLeave(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid
          SupportFactRequests.TemporaryLeaveConsidered body) {
    return facts.temporaryLeave(caller, QueryParams.uuid("id", id), ifMatch, body).ok();
  }

  @PUT
  @Path("/further-rg")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response furtherRg(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid SupportFactRequests.FurtherRg body) {
    return facts.furtherRg(caller, QueryParams.uuid("id", id), ifMatch, body).ok();
  }
}
