package org.nrmreferrals.reference;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.Stream;
import org.nrmreferrals.security.Roles;

/** The vocabularies a referral is written in. */
@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ANALYST, Roles.STATISTICIAN, Roles.ADMIN})
public class ReferenceResource {
  private final IndicatorCatalogue catalogue;

  ReferenceResource(IndicatorCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GET
  @Path("/indicators")
  public IndicatorCatalogue.IndicatorCatalogueView indicators() {
    return catalogue.view();
  }

  @GET
  @Path("/countries")
  public List<CountryView> countries() {
    return Countries.all();
  }

  @GET
  @Path("/exploitation-types")
  public List<ExploitationTypeView> exploitationTypes() {
    return Stream.of(ExploitationType.values())
        .map(t -> new ExploitationTypeView(t, t.label()))
        .toList();
  }

  @GET
  @Path("/police-forces")
  public List<PoliceForceView> policeForces() {
    return PoliceForce.<PoliceForce>findAll(Sort.by("code")).stream()
        .map(PoliceForce::view)
        .toList();
  }
}
