package org.nrmreferrals.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nrmreferrals.security.Roles;

/** Serves the workflow table, so clients need not hard-code it. */
@Path("/api/v1/workflow")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workflow")
@SecurityRequirement(name = "bearer")
public class WorkflowResource {
  private static final WorkflowView TABLE = WorkflowView.current();

  @GET
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ANALYST, Roles.ADMIN})
  @Operation(
      operationId = "getWorkflow",
      summary = "The status workflow",
      description =
          "Every status, and every transition with who may make it, whether it needs a reason,"
              + " whether a second caseworker must confirm it, and the reconsideration stage it is"
              + " limited to.")
  @APIResponse(
      responseCode = "200",
      description = "The table",
      content = @Content(schema = @Schema(implementation = WorkflowView.class)))
  public WorkflowView get() {
    return TABLE;
  }
}
