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
import java.util.List;
import java.util.UUID;
import org.nrmreferrals.agency.PartnerAgency;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.referral.InformationRequestView;
import org.nrmreferrals.referral.InformationRequests;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/** Further information requests on a case: asked, listed, answered and extended. */
@Path("/api/v1/referrals/{id}/information-requests")
@Produces(MediaType.APPLICATION_JSON)
public class InformationRequestResource {
  private final InformationRequesting requesting;
  private final InformationRequests requests;
  private final CaseChanges changes;
  private final AuditTrail audit;
  private final PartnerAgency partnerAgency;
  private final Caller caller;

  InformationRequestResource(
      InformationRequesting requesting,
      InformationRequests requests,
      CaseChanges changes,
      AuditTrail audit,
      PartnerAgency partnerAgency,
      Caller caller) {
    this.requesting = requesting;
    this.requests = requests;
    this.changes = changes;
    this.audit = audit;
    this.partnerAgency = partnerAgency;
    this.caller = caller;
  }

  @POST
  @RolesAllowed(Roles.CASEWORKER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response ask(
      @PathParam("id") String id,
      @NotNull(message = "a body is required") @Valid InformationBodies.Ask body) {
    UUID referral = QueryParams.uuid("id", id);
    InformationRequestView made = requesting.ask(caller, referral, body);
    return Response.created(
            URI.create("/api/v1/referrals/" + referral + "/information-requests/" + made.id()))
        .entity(made)
        .build();
  }

  /**
   * The case's requests with their questions and answers (to a partner, only those asked of it): a
   * read of personal data, audited.
   */
  @GET
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ADMIN})
  @jakarta.transaction.Transactional
  public List<InformationRequestView> list(@PathParam("id") String id) {
    Referral r = changes.visible(caller, QueryParams.uuid("id", id));
    audit.append(
        AuditEvent.of(Action.REFERRAL_READ)
            .referral(r.id(), r.agency().code())
            .detail("informationRequests", true));
    return requests.of(r.id(), caller.isPartner() ? partnerAgency.current().code() : null);
  }

  @POST
  @Path("/{requestId}/answer")
  @RolesAllowed(Roles.PARTNER)
  @Consumes(MediaType.APPLICATION_JSON)
  public InformationRequestView answer(
      @PathParam("id") String id,
      @PathParam("requestId") String requestId,
      @NotNull(message = "a body is required") @Valid InformationBodies.Answer body) {
    return requesting.answer(
        caller,
        partnerAgency.current(),
        QueryParams.uuid("id", id),
        QueryParams.uuid("requestId", requestId),
        body);
  }

  @POST
  @Path("/{requestId}/extension")
  @RolesAllowed(Roles.CASEWORKER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response extend(
      @PathParam("id") String id,
      @PathParam("requestId") String requestId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a body is required") @Valid InformationBodies.Extension body) {
    CaseChanges.Changed c =
        requesting.extend(
            caller,
            QueryParams.uuid("id", id),
            QueryParams.uuid("requestId", requestId),
            ifMatch,
            body);
    return c.ok();
  }
}
