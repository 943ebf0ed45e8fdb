package org.nrmreferrals.referral;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nrmreferrals.audit.AuditQueries;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.ETags;
import org.nrmreferrals.web.QueryParams;

/** Decisions, withdrawals, reconsiderations and flags on a referral, and its history. */
@Path("/api/v1/referrals/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workflow")
@SecurityRequirement(name = "bearer")
public class ReferralWorkflowResource {
  private static final String IF_MATCH_HELP = "The referral's ETag, as last read";

  private final ReferralWorkflow workflow;
  private final ReferralQueries queries;
  private final AuditQueries audit;
  private final Caller caller;

  ReferralWorkflowResource(
      ReferralWorkflow workflow, ReferralQueries queries, AuditQueries audit, Caller caller) {
    this.workflow = workflow;
    this.queries = queries;
    this.audit = audit;
    this.caller = caller;
  }

  @POST
  @Path("/transitions")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "transitionReferral",
      summary = "Move a referral to another status",
      description =
          "Caseworkers decide (RG, CG, suspension, resumption); the referring agency asks for"
              + " WITHDRAWN or RECONSIDERATION_REQUESTED. RG_NEGATIVE and CG_NEGATIVE are held"
              + " (202) until a different caseworker confirms them. See GET /api/v1/workflow.")
  @APIResponse(responseCode = "200", ref = "ReferralChanged")
  @APIResponse(
      responseCode = "202",
      description = "A negative decision, held until a second caseworker confirms it",
      headers =
          @Header(
              name = "ETag",
              description = "The new version",
              schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = ReferralView.class)))
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(
      responseCode = "409",
      description =
          "The table does not allow this move from the current status (allowedTransitions lists"
              + " those it does), or a held decision must be settled first",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(
      responseCode = "422",
      description =
          "A missing reason or outcome, a child's withdrawal, or a CG decision before the"
              + " recovery period ends (earliestDate gives the first day)",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public Response transition(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_HELP) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid TransitionRequest request) {
    ReferralWorkflow.Changed changed = workflow.transition(caller, uuid(id), ifMatch, request);
    boolean held = changed.view().status() != request.to();
    return respond(held ? Response.status(Response.Status.ACCEPTED) : Response.ok(), changed);
  }

  @POST
  @Path("/pending-decision/confirmation")
  @RolesAllowed(Roles.CASEWORKER)
  @Operation(
      operationId = "confirmPendingDecision",
      summary = "Confirm a held negative decision",
      description =
          "By a caseworker other than the one who requested it; the decision then takes effect.")
  @APIResponse(responseCode = "200", ref = "ReferralChanged")
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(
      responseCode = "422",
      description = "The requesting caseworker cannot confirm their own decision",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public Response confirm(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_HELP) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return respond(Response.ok(), workflow.confirm(caller, uuid(id), ifMatch));
  }

  @DELETE
  @Path("/pending-decision")
  @RolesAllowed(Roles.CASEWORKER)
  @Operation(
      operationId = "withdrawPendingDecision",
      summary = "Withdraw a held negative decision",
      description = "By the requesting caseworker or another; the status does not change.")
  @APIResponse(responseCode = "200", ref = "ReferralChanged")
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public Response withdrawPending(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_HELP) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return respond(Response.ok(), workflow.withdrawPending(caller, uuid(id), ifMatch));
  }

  @POST
  @Path("/flags")
  @RolesAllowed(Roles.CASEWORKER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "flagReferral",
      summary = "Set a flag",
      description =
          "PUBLIC_ORDER_DISQUALIFICATION, with a reason, on an RG_POSITIVE case only; the CG"
              + " decision is still made.")
  @APIResponse(responseCode = "200", ref = "ReferralChanged")
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "Validation")
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public Response flag(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_HELP) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid FlagRequest request) {
    return respond(Response.ok(), workflow.flag(caller, uuid(id), ifMatch, request));
  }

  @POST
  @Path("/erasure")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "eraseReferralPersonalData",
      summary = "Erase a referral's personal data",
      description =
          "Destroys the referral's data key (crypto-shredding): names, aliases, date of birth,"
              + " contact details and account become unrecoverable, in the database and its"
              + " backups. The coded facts, statistics and the audit trail stay intact. Refused"
              + " (409) under a legal hold or when already erased.")
  @APIResponse(responseCode = "200", ref = "ReferralChanged")
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "Validation")
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public Response erase(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_HELP) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid ErasureRequest request) {
    return respond(Response.ok(), workflow.erase(caller, uuid(id), ifMatch, request));
  }

  @POST
  @Path("/duplicates/{otherId}")
  @RolesAllowed(Roles.CASEWORKER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "decideDuplicate",
      summary = "Confirm or dismiss a likely duplicate",
      description =
          "Caseworkers only. The pair must be listed in possibleDuplicates; the decision is"
              + " audited without naming either agency.")
  @APIResponse(responseCode = "200", ref = "ReferralChanged")
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "Validation")
  public Response decideDuplicate(
      @PathParam("id") String id,
      @PathParam("otherId") String otherId,
      @NotNull(message = "a body is required") @Valid DuplicateDecisionRequest request) {
    return respond(
        Response.ok(),
        workflow.decideDuplicate(caller, uuid(id), QueryParams.uuid("otherId", otherId), request));
  }

  @PUT
  @Path("/legal-hold")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setReferralLegalHold",
      summary = "Place or lift a legal hold",
      description = "A referral under a legal hold cannot be erased.")
  @APIResponse(responseCode = "200", ref = "ReferralChanged")
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "Validation")
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public Response legalHold(
      @PathParam("id") String id,
      @Parameter(description = IF_MATCH_HELP) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid LegalHoldRequest request) {
    return respond(Response.ok(), workflow.legalHold(caller, uuid(id), ifMatch, request));
  }

  @GET
  @Path("/history")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ADMIN})
  @Operation(
      operationId = "getReferralHistory",
      summary = "A referral's audit events",
      description =
          "Oldest first, each with the fields its hash covers. Partners see their own agency's"
              + " referrals; they see caseworkers only as role and competent authority.")
  @APIResponse(
      responseCode = "200",
      description = "The events",
      content = @Content(schema = @Schema(implementation = ReferralHistory.class)))
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public ReferralHistory history(@PathParam("id") String id) {
    Referral referral = queries.visible(caller, uuid(id));
    String viewerAgency = caller.seesAllAgencies() ? null : caller.agencyCode();
    return new ReferralHistory(referral.id(), audit.history(referral.id(), viewerAgency));
  }

  private static UUID uuid(String id) {
    return QueryParams.uuid("id", id);
  }

  private static Response respond(Response.ResponseBuilder builder, ReferralWorkflow.Changed c) {
    return builder.entity(c.view()).header(HttpHeaders.ETAG, ETags.of(c.version())).build();
  }
}
