package org.nrmreferrals.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.nrmreferrals.agency.PartnerAgency;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/** A partner agency's webhook subscriptions and their delivery logs. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
public class WebhookResource {
  private final WebhookRegistry registry;
  private final WebhookDeliveries deliveries;
  private final PartnerAgency agency;
  private final Caller caller;

  WebhookResource(
      WebhookRegistry registry, WebhookDeliveries deliveries, PartnerAgency agency, Caller caller) {
    this.registry = registry;
    this.deliveries = deliveries;
    this.agency = agency;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public RestResponse<WebhookView> create(
      @NotNull(message = "a body is required") @Valid CreateWebhookRequest request) {
    WebhookView created = registry.create(agency.current(), caller.subject(), request);
    return RestResponse.ResponseBuilder.<WebhookView>created(
            URI.create("/api/v1/webhooks/" + created.id()))
        .entity(created)
        .build();
  }

  @GET
  public List<WebhookView> list() {
    return registry.list(agency.current());
  }

  @GET
  @Path("/{id}")
  public WebhookView get(@PathParam("id") String id) {
    return registry.get(agency.current(), QueryParams.uuid("id", id));
  }

  @DELETE
  @Path("/{id}")
  public void delete(@PathParam("id") String id) {
    registry.delete(agency.current(), QueryParams.uuid("id", id));
  }

  @POST
  @Path("/{id}/rotate-secret")
  public WebhookView rotateSecret(@PathParam("id") String id) {
    return registry.rotateSecret(agency.current(), QueryParams.uuid("id", id));
  }

  @GET
  @Path("/{id}/deliveries")
  public List<DeliveryView> deliveries(
      @PathParam("id") String id,
      @QueryParam("beforeSeq") String beforeSeq,
      @QueryParam("limit") String limit) {
    return deliveries.list(
        agency.current(),
        QueryParams.uuid("id", id),
        QueryParams.nonNegativeLong("beforeSeq", beforeSeq, Long.MAX_VALUE),
        QueryParams.limit(limit, 50, 200));
  }

  @POST
  @Path("/{id}/deliveries/{deliveryId}/redeliver")
  public RestResponse<Void> redeliver(
      @PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
    deliveries.redeliver(
        agency.current(), QueryParams.uuid("id", id), QueryParams.uuid("deliveryId", deliveryId));
    return RestResponse.accepted();
  }
}
