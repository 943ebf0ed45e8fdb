package org.nrmreferrals.protection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;

/** The data keys of personal data, their rotation and the retirement of earlier keys (admins). */
@Path("/api/v1/admin/data-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DataKeyResource {
  private final KeyRotation rotation;
  private final Caller caller;

  DataKeyResource(KeyRotation rotation, Caller caller) {
    this.rotation = rotation;
    this.caller = caller;
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

  @POST
  @Path("/retire")
  @Consumes(MediaType.APPLICATION_JSON)
  public DataKeyStatus retire(
      @NotNull(message = "a body is required") @Valid RetireKekRequest request) {
    return rotation.retire(request.kekId().strip(), caller.subject());
  }
}
