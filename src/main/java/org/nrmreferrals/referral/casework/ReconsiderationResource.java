package org.nrmreferrals.referral.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.nrmreferrals.agency.PartnerAgency;
import org.nrmreferrals.referral.ReconsiderationView;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/** Reconsideration requests: asked by a partner, answered by the competent authority. */
@Path("/api/v1/referrals/{id}/reconsideration-requests")
@Produces(MediaType.APPLICATION_JSON)
public class ReconsiderationResource {
  private final Reconsiderations reconsiderations;
  private final PartnerAgency partnerAgency;
  private final Caller caller;

  ReconsiderationResource(
      Reconsiderations reconsiderations, PartnerAgency partnerAgency, Caller caller) {
    this.reconsiderations = reconsiderations;
    this.partnerAgency = partnerAgency;
    this.caller = caller;
  }

  @POST
  @RolesAllowed(Roles.PARTNER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response request(
      @PathParam("id") String id,
      @NotNull(message = "a body is required") @Valid ReconsiderationBody body) {
    UUID referral = QueryParams.uuid("id", id);
    ReconsiderationView made =
        reconsiderations.request(caller, partnerAgency.current(), referral, body);
    return Response.created(
            URI.create("/api/v1/referrals/" + referral + "/reconsideration-requests/" + made.id()))
        .entity(made)
        .build();
  }

  @GET
  @Path("/{requestId}")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ADMIN})
  public ReconsiderationView one(
      @PathParam("id") String id, @PathParam("requestId") String requestId) {
    return reconsiderations.one(
        caller,
        caller.isPartner() ? partnerAgency.current() : null,
        QueryParams.uuid("id", id),
        QueryParams.uuid("requestId", requestId));
  }

  @POST
  @Path("/{requestId}/outcome")
  @RolesAllowed(Roles.CASEWORKER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response decide(
      @PathParam("id") String id,
      @PathParam("requestId") String requestId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid ReconsiderationOutcome body) {
    CaseChanges.Changed c =
        reconsiderations.decide(
            caller,
            QueryParams.uuid("id", id),
            QueryParams.uuid("requestId", requestId),
            ifMatch,
            body);
    return c.ok();
  }
}
