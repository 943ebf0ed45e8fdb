package org.nrmreferrals.reference;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nrmreferrals.security.Roles;

/** The vocabularies a referral is written in. */
@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ANALYST, Roles.ADMIN})
@Tag(name = "Reference data")
@SecurityRequirement(name = "bearer")
public class ReferenceResource {
  private final IndicatorCatalogue catalogue;

  ReferenceResource(IndicatorCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GET
  @Path("/indicators")
  @Operation(
      operationId = "getIndicatorCatalogue",
      summary = "The indicator catalogue",
      description = "The current version of the indicators a first responder can record.")
  @APIResponse(
      responseCode = "200",
      description = "The current catalogue",
      content =
          @Content(
              schema = @Schema(implementation = IndicatorCatalogue.IndicatorCatalogueView.class)))
  public IndicatorCatalogue.IndicatorCatalogueView indicators() {
    return catalogue.view();
  }

  @GET
  @Path("/countries")
  @Operation(
      operationId = "listCountries",
      summary = "Country codes",
      description = "ISO 3166-1 alpha-2 codes with English names, plus XK for Kosovo.")
  @APIResponse(
      responseCode = "200",
      description = "All accepted country codes",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CountryView.class)))
  public List<CountryView> countries() {
    return Countries.all();
  }

  @GET
  @Path("/exploitation-types")
  @Operation(
      operationId = "listExploitationTypes",
      summary = "Exploitation types",
      description = "The exploitation types a referral can record.")
  @APIResponse(
      responseCode = "200",
      description = "All exploitation types",
      content =
          @Content(
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = ExploitationTypeView.class)))
  public List<ExploitationTypeView> exploitationTypes() {
    return Stream.of(ExploitationType.values())
        .map(t -> new ExploitationTypeView(t, t.label()))
        .toList();
  }

  @GET
  @Path("/police-forces")
  @Operation(
      operationId = "listPoliceForces",
      summary = "UK police forces",
      description = "Territorial forces of England and Wales, Police Scotland, PSNI and BTP.")
  @APIResponse(
      responseCode = "200",
      description = "All police forces",
      content =
          @Content(
              schema = @Schema(type = SchemaType.ARRAY, implementation = PoliceForceView.class)))
  public List<PoliceForceView> policeForces() {
    return PoliceForce.<PoliceForce>findAll(Sort.by("code")).stream()
        .map(PoliceForce::view)
        .toList();
  }
}
