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
import java.util.UUID;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/** Decisions, withdrawals, held decisions, duplicates, erasure and legal holds. */
@Path("/api/v1/referrals/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralWorkflowResource {
  private static final String IF_MATCH_HELP = "The referral's ETag, as last read";

  private final ReferralWorkflow workflow;
  private final Caller caller;

  ReferralWorkflowResource(ReferralWorkflow workflow, Caller caller) {
    this.workflow = workflow;
    this.caller = caller;
  }

  @POST
  @Path("/transitions")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER})
  @Consumes(MediaType.APPLICATION_JSON)
  public Response transition(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid TransitionRequest request) {
    CaseChanges.Changed changed = workflow.transition(caller, uuid(id), ifMatch, request);
    boolean held = changed.view().status() != request.to();
    return changed.respond(held ? Response.Status.ACCEPTED : Response.Status.OK);
  }

  @POST
  @Path("/pending-decision/confirmation")
  @RolesAllowed(Roles.CASEWORKER)
  public Response confirm(
      @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return workflow.confirm(caller, uuid(id), ifMatch).ok();
  }

  @DELETE
  @Path("/pending-decision")
  @RolesAllowed(Roles.CASEWORKER)
  public Response withdrawPending(
      @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return workflow.withdrawPending(caller, uuid(id), ifMatch).ok();
  }

  @POST
  @Path("/erasure")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response erase(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid ErasureRequest request) {
    return workflow.erase(caller, uuid(id), ifMatch, request).ok();
  }

  @POST
  @Path("/duplicates/{otherId}")
  @RolesAllowed(Roles.CASEWORKER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response decideDuplicate(
      @PathParam("id") String id,
      @PathParam("otherId") String otherId,
      @NotNull(message = "a body is required") @Valid DuplicateDecisionRequest request) {
    return workflow
        .decideDuplicate(caller, uuid(id), QueryParams.uuid("otherId", otherId), request)
        .ok();
  }

  @PUT
  @Path("/legal-hold")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response legalHold(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid LegalHoldRequest request) {
    return workflow.legalHold(caller, uuid(id), ifMatch, request).ok();
  }

  private static UUID uuid(String id) {
    return QueryParams.uuid("id", id);
  }
}
