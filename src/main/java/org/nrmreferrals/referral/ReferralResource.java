package org.nrmreferrals.referral;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.audit.AuditQueries;
import org.nrmreferrals.audit.ReadEvents;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.ETags;
import org.nrmreferrals.web.QueryParams;

/** Referrers, caseworkers and admins read referrals, lists of them and their histories. */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {
  private final ReferralQueries queries;
  private final AuditQueries audit;
  private final Caller caller;
  private final NrmConfig config;
  private final ReadEvents readEvents;
  private final SealedText sealedText;

  ReferralResource(
      ReferralQueries queries,
      AuditQueries audit,
      Caller caller,
      NrmConfig config,
      ReadEvents readEvents,
      SealedText sealedText) {
    this.sealedText = sealedText;
    this.readEvents = readEvents;
    this.queries = queries;
    this.audit = audit;
    this.caller = caller;
    this.config = config;
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ADMIN})
  public Response get(
      @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    ReferralQueries.Read read = queries.read(caller, QueryParams.uuid("id", id), ifNoneMatch);
    String etag = ETags.of(read.version());
    if (read.view() == null) {
      return Response.notModified().header(HttpHeaders.ETAG, etag).build();
    }
    // Committed before the data leaves: with other reads' events, after the read's transaction.
    readEvents.record(read.event());
    return Response.ok(read.view()).header(HttpHeaders.ETAG, etag).build();
  }

  @GET
  @Path("/{id}/history")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ADMIN})
  public ReferralHistory history(@PathParam("id") String id) {
    Referral referral = queries.visible(caller, QueryParams.uuid("id", id));
    String viewerAgency = caller.agencyScope();
    return new ReferralHistory(
        referral.id(),
        audit.history(referral.id(), viewerAgency, sealedText.openerFor(referral.id())));
  }

  @GET
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ADMIN})
  public ReferralPage list(@BeanParam ReferralListQuery query) {
    ZoneId zone = ZoneId.of(config.jurisdictionZone());
    int pageSize =
        QueryParams.limit(
            query.limit, config.pagination().defaultLimit(), config.pagination().maxLimit());
    return queries.list(caller, query.filter(zone), Cursor.decode(query.cursor), pageSize);
  }
}
