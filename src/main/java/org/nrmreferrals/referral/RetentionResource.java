package org.nrmreferrals.referral;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/** The retention policy of personal data: what is due, and erasing it (admins). */
@Path("/api/v1/admin/retention")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data protection")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class RetentionResource {
  private final Retention retention;
  private final NrmConfig config;

  RetentionResource(Retention retention, NrmConfig config) {
    this.retention = retention;
    this.config = config;
  }

  @GET
  @Operation(
      operationId = "getRetention",
      summary = "Referrals past their retention period",
      description =
          "The retention period of each final status, how many referrals are past it (and how"
              + " many of those a legal hold keeps), and the longest overdue of them, without"
              + " personal data.")
  @APIResponse(responseCode = "200", description = "What is due")
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  public RetentionReport report(
      @Parameter(description = "How many due referrals to list (default 50, at most 200)")
          @QueryParam("limit")
          String limit) {
    return retention.report(
        QueryParams.limit(
            limit, config.pagination().defaultLimit(), config.pagination().maxLimit()));
  }

  @POST
  @Path("/erasure")
  @Operation(
      operationId = "eraseDueReferrals",
      summary = "Erase the personal data of every referral past its retention period",
      description =
          "Crypto-shreds each due referral not on legal hold, as the erasure endpoint does, with"
              + " one audit event per referral naming the period, then one for the run. Safe to"
              + " repeat, and to run on several instances at once.")
  @APIResponse(responseCode = "200", description = "What the run erased")
  public RetentionRun erase() {
    return retention.eraseDue("admin");
  }
}
