package org.nrmreferrals.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/** Every agency's webhook subscriptions, for administrators: list, disable, enable. */
@Path("/api/v1/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminWebhookResource {
  private final WebhookRegistry registry;

  AdminWebhookResource(WebhookRegistry registry) {
    this.registry = registry;
  }

  @GET
  public List<AdminWebhookView> list(@QueryParam("agency") String agency) {
    return registry.listAll(agency == null || agency.isBlank() ? null : agency.strip());
  }

  @POST
  @Path("/{id}/disable")
  @Consumes(MediaType.APPLICATION_JSON)
  public AdminWebhookView disable(
      @PathParam("id") String id,
      @NotNull(message = "a body is required") @Valid DisableWebhookRequest request) {
    return registry.disable(QueryParams.uuid("id", id), request.reason().strip());
  }

  @POST
  @Path("/{id}/enable")
  public AdminWebhookView enable(@PathParam("id") String id) {
    return registry.enable(QueryParams.uuid("id", id));
  }
}
