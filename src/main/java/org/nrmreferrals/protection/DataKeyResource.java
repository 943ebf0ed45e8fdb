package org.nrmreferrals.protection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nrmreferrals.security.Roles;

/** The data keys of personal data and their rotation (admins). */
@Path("/api/v1/admin/data-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data protection")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class DataKeyResource {
  private final KeyRotation rotation;

  DataKeyResource(KeyRotation rotation) {
    this.rotation = rotation;
  }

  @GET
  @Operation(
      operationId = "getDataKeyStatus",
      summary = "Which key-encryption keys wrap the data keys",
      description =
          "Counts of data keys per key-encryption key id, and how many are still wrapped by an"
              + " earlier key: a rotation is finished when remaining is 0.")
  @APIResponse(responseCode = "200", description = "Data keys per key-encryption key")
  public DataKeyStatus status() {
    return rotation.status();
  }

  @POST
  @Path("/rewrap")
  @Operation(
      operationId = "rewrapDataKeys",
      summary = "Re-wrap every data key under the current key-encryption key",
      description =
          "Step two of a key rotation: configure the new key as NRM_KEK and the old one in"
              + " NRM_KEK_PREVIOUS, restart (instances one by one), call this, then drop the old"
              + " key. Runs in batches while the service serves; safe to repeat.")
  @APIResponse(responseCode = "200", description = "The keys after re-wrapping")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public DataKeyStatus rewrap() {
    return rotation.rewrapAll();
  }
}
