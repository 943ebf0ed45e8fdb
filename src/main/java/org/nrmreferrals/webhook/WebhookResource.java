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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.nrmreferrals.agency.PartnerAgency;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/** A partner agency's webhook subscriptions and their delivery logs. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@SecurityRequirement(name = "bearer")
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
  @Operation(
      operationId = "createWebhook",
      summary = "Subscribe to events",
      description =
          "The agency's events of the named actions are POSTed to the URL from now on, signed"
              + " with the secret returned here (shown once). The body is the event as the feed"
              + " serves it; see the WebhookEvent schema and the README.")
  @APIResponse(
      responseCode = "201",
      description = "Subscribed",
      headers =
          @Header(
              name = "Location",
              description = "The subscription's URL",
              schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(
      responseCode = "422",
      description = "Not https, a private or loopback target, or an unknown event action",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  public RestResponse<WebhookView> create(
      @NotNull(message = "a body is required") @Valid CreateWebhookRequest request) {
    WebhookView created = registry.create(agency.current(), caller.subject(), request);
    return RestResponse.ResponseBuilder.<WebhookView>created(
            URI.create("/api/v1/webhooks/" + created.id()))
        .entity(created)
        .build();
  }

  @GET
  @Operation(
      operationId = "listWebhooks",
      summary = "The agency's subscriptions",
      description = "Without secrets.")
  @APIResponse(
      responseCode = "200",
      description = "The subscriptions",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookView.class)))
  public List<WebhookView> list() {
    return registry.list(agency.current());
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getWebhook",
      summary = "One subscription",
      description = "Without its secret.")
  @APIResponse(
      responseCode = "200",
      description = "The subscription",
      content = @Content(schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public WebhookView get(@PathParam("id") String id) {
    return registry.get(agency.current(), QueryParams.uuid("id", id));
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "deleteWebhook",
      summary = "Unsubscribe",
      description = "Nothing more is sent; the delivery log is kept.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public void delete(@PathParam("id") String id) {
    registry.delete(agency.current(), QueryParams.uuid("id", id));
  }

  @POST
  @Path("/{id}/rotate-secret")
  @Operation(
      operationId = "rotateWebhookSecret",
      summary = "Replace the signing secret",
      description =
          "Returns the new secret, once. For 24 hours every delivery carries signatures with both"
              + " the new and the old secret.")
  @APIResponse(
      responseCode = "200",
      description = "The subscription with its new secret",
      content = @Content(schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public WebhookView rotateSecret(@PathParam("id") String id) {
    return registry.rotateSecret(agency.current(), QueryParams.uuid("id", id));
  }

  @GET
  @Path("/{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "The delivery log",
      description =
          "Newest event first: status, every attempt with its status code or error, and the next"
              + " retry.")
  @APIResponse(
      responseCode = "200",
      description = "Deliveries",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<DeliveryView> deliveries(
      @PathParam("id") String id,
      @Parameter(description = "Only deliveries of events before this seq")
          @Schema(type = SchemaType.INTEGER)
          @QueryParam("beforeSeq")
          String beforeSeq,
      @Parameter(description = "Page size, 1 to 200 (default 50)")
          @Schema(type = SchemaType.INTEGER)
          @QueryParam("limit")
          String limit) {
    return deliveries.list(
        agency.current(),
        QueryParams.uuid("id", id),
        QueryParams.nonNegativeLong("beforeSeq", beforeSeq, Long.MAX_VALUE),
        QueryParams.limit(limit, 50, 200));
  }

  @POST
  @Path("/{id}/deliveries/{deliveryId}/redeliver")
  @Operation(
      operationId = "redeliverWebhook",
      summary = "Send a delivery again",
      description =
          "Queues a delivered or failed delivery again, now, with a fresh retry window, and"
              + " re-enables a subscription disabled after failures.")
  @APIResponse(responseCode = "202", description = "Queued")
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public RestResponse<Void> redeliver(
      @PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
    deliveries.redeliver(
        agency.current(), QueryParams.uuid("id", id), QueryParams.uuid("deliveryId", deliveryId));
    return RestResponse.accepted();
  }
}
