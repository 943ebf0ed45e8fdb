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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/** The agency registry over HTTP: anyone authenticated reads it, admins change it. */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies")
@SecurityRequirement(name = "bearer")
public class AgencyResource {
  private final AgencyRegistry registry;

  AgencyResource(AgencyRegistry registry) {
    this.registry = registry;
  }

  @GET
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ANALYST, Roles.ADMIN})
  @Operation(
      operationId = "listAgencies",
      summary = "List registered agencies",
      description = "First Responder Organisations, ordered by code, optionally filtered.")
  @APIResponse(
      responseCode = "200",
      description = "The agencies",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AgencyView.class)))
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  public List<AgencyView> list(
      @QueryParam("type") @Schema(implementation = AgencyType.class) String type,
      @QueryParam("active") @Schema(implementation = Boolean.class) String active) {
    return registry.list(
        QueryParams.enumValue("type", type, AgencyType.class), QueryParams.bool("active", active));
  }

  @GET
  @Path("/{code}")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ANALYST, Roles.ADMIN})
  @Operation(
      operationId = "getAgency",
      summary = "Read one agency",
      description = "One agency by its code.")
  @APIResponse(
      responseCode = "200",
      description = "The agency",
      content = @Content(schema = @Schema(implementation = AgencyView.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public AgencyView get(@PathParam("code") String code) {
    return registry.get(code);
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "registerAgency",
      summary = "Register an agency",
      description = "Adds a First Responder Organisation; its code can never change.")
  @APIResponse(
      responseCode = "201",
      description = "Registered",
      headers =
          @Header(
              name = "Location",
              description = "The agency's URL",
              schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = AgencyView.class)))
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "Validation")
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
  @Operation(
      operationId = "reviseAgency",
      summary = "Change an agency",
      description = "Merge patch: renames, retypes, deactivates or reactivates an agency.")
  @APIResponse(
      responseCode = "200",
      description = "The agency as changed",
      content = @Content(schema = @Schema(implementation = AgencyView.class)))
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "Validation")
  public AgencyView revise(
      @PathParam("code") String code,
      @NotNull(message = "a body is required") @Valid ReviseAgencyRequest request) {
    return registry.revise(code, request);
  }
}
