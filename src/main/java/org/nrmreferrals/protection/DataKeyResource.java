package org.nrmreferrals.protection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nrmreferrals.security.Roles;

/** The data keys of personal data and their rotation (admins). */
@Path("/api/v1/admin/data-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DataKeyResource {
  private final KeyRotation rotation;

  DataKeyResource(KeyRotation rotation) {
    this.rotation = rotation;
  }

  @GET
  public DataKeyStatus status() {
    return rotation.status();
  }

  @POST
  @Path("/rewrap")
  public DataKeyStatus rewrap() {
    return rotation.rewrapAll();
  }
}
