package org.nrmreferrals.referral.retention;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/** The retention policy of personal data: what is due, and erasing it (admins). */
@Path("/api/v1/admin/retention")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RetentionResource {
  private final Retention retention;
  private final NrmConfig config;

  RetentionResource(Retention retention, NrmConfig config) {
    this.retention = retention;
    this.config = config;
  }

  @GET
  public RetentionReport report(@QueryParam("limit") String limit) {
    return retention.report(
        QueryParams.limit(
            limit, config.pagination().defaultLimit(), config.pagination().maxLimit()));
  }

  @POST
  @Path("/erasure")
  public RetentionRun erase() {
    return retention.eraseDue("admin");
  }
}
