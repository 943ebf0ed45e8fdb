package org.nrmreferrals.agency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/** The agency registry over HTTP: anyone authenticated reads it, admins change it. */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {
  private final AgencyRegistry registry;

  AgencyResource(AgencyRegistry registry) {
    this.registry = registry;
  }

  @GET
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ANALYST, Roles.STATISTICIAN, Roles.ADMIN})
  public List<AgencyView> list(
      @QueryParam("type") String type, @QueryParam("active") String active) {
    return registry.list(
        QueryParams.enumValue("type", type, AgencyType.class), QueryParams.bool("active", active));
  }

  @GET
  @Path("/{code}")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ANALYST, Roles.STATISTICIAN, Roles.ADMIN})
  public AgencyView get(@PathParam("code") String code) {
    return registry.get(code);
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public RestResponse<AgencyView> register(
      @NotNull(message = "a body is required") @Valid RegisterAgencyRequest request) {
    AgencyView created = registry.register(request);
    return RestResponse.ResponseBuilder.<AgencyView>created(
            URI.create("/api/v1/agencies/" + created.code()))
        .entity(created)
        .build();
  }

  @PATCH
  @Path("/{code}")
  @RolesAllowed(Roles.ADMIN)
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  public AgencyView revise(
      @PathParam("code") String code,
      @NotNull(message = "a body is required") @Valid ReviseAgencyRequest request) {
    return registry.revise(code, request);
  }
}
