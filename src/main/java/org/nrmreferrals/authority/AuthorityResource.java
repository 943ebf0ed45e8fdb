package org.nrmreferrals.authority;

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
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.nrmreferrals.security.Roles;

/** The competent authorities over HTTP: anyone authenticated reads them, admins change them. */
@Path("/api/v1/competent-authorities")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorityResource {
  private final AuthorityRegistry registry;

  AuthorityResource(AuthorityRegistry registry) {
    this.registry = registry;
  }

  @GET
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ANALYST, Roles.STATISTICIAN, Roles.ADMIN})
  public List<CompetentAuthorityView> list() {
    return registry.list();
  }

  @GET
  @Path("/{code}")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ANALYST, Roles.STATISTICIAN, Roles.ADMIN})
  public CompetentAuthorityView get(@PathParam("code") String code) {
    return registry.get(code);
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public RestResponse<CompetentAuthorityView> register(
      @NotNull(message = "a body is required") @Valid RegisterAuthorityRequest request) {
    CompetentAuthorityView created = registry.register(request);
    return RestResponse.ResponseBuilder.<CompetentAuthorityView>created(
            URI.create("/api/v1/competent-authorities/" + created.code()))
        .entity(created)
        .build();
  }

  @PATCH
  @Path("/{code}")
  @RolesAllowed(Roles.ADMIN)
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  public CompetentAuthorityView revise(
      @PathParam("code") String code,
      @NotNull(message = "a body is required") @Valid ReviseAuthorityRequest request) {
    return registry.revise(code, request);
  }
}
