package org.nrmreferrals.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nrmreferrals.security.Roles;

/** Serves the workflow table, so clients need not hard-code it. */
@Path("/api/v1/workflow")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {
  private static final WorkflowView TABLE = WorkflowView.current();

  @GET
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ANALYST, Roles.STATISTICIAN, Roles.ADMIN})
  public WorkflowView get() {
    return TABLE;
  }
}
