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
import org.nrmreferrals.referral.Consent;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/** Transfer, assignment, age assessment and consent: who owns and works a case, and for whom. */
@Path("/api/v1/referrals/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class CaseworkResource {
  private final CaseOwnership ownership;
  private final AgeAndConsent ageAndConsent;
  private final Caller caller;

  CaseworkResource(CaseOwnership ownership, AgeAndConsent ageAndConsent, Caller caller) {
    this.ownership = ownership;
    this.ageAndConsent = ageAndConsent;
    this.caller = caller;
  }

  @POST
  @Path("/transfer")
  @RolesAllowed(Roles.CASEWORKER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response transfer(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid TransferRequest request) {
    return ownership.transfer(caller, QueryParams.uuid("id", id), ifMatch, request).ok();
  }

  @PUT
  @Path("/assignee")
  @RolesAllowed(Roles.CASEWORKER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response assign(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid AssignmentRequest request) {
    return ownership.assign(caller, QueryParams.uuid("id", id), ifMatch, request).ok();
  }

  @DELETE
  @Path("/assignee")
  @RolesAllowed(Roles.CASEWORKER)
  public Response unassign(
      @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return ownership.unassign(caller, QueryParams.uuid("id", id), ifMatch).ok();
  }

  @POST
  @Path("/age-assessment")
  @RolesAllowed(Roles.CASEWORKER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response assessAge(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid AgeAssessmentRequest request) {
    return ageAndConsent.assess(caller, QueryParams.uuid("id", id), ifMatch, request).ok();
  }

  @PUT
  @Path("/consent")
  @RolesAllowed(Roles.PARTNER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response consent(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid Consent consent) {
    return ageAndConsent.consent(caller, QueryParams.uuid("id", id), ifMatch, consent).ok();
  }
}
