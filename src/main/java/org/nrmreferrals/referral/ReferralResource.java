package org.nrmreferrals.referral;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneId;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.agency.Agency;
import org.nrmreferrals.agency.PartnerAgency;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.RateLimits;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.ETags;
import org.nrmreferrals.web.QueryParams;

/** Partner agencies submit referrals; referrers, caseworkers and admins read them. */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {
  static final String REPLAYED = "Idempotent-Replayed";

  private final ReferralIntake intake;
  private final ReferralQueries queries;
  private final Caller caller;
  private final PartnerAgency partnerAgency;
  private final NrmConfig config;
  private final HtcdsExports htcds;
  private final RateLimits rateLimits;
  private final MeterRegistry metrics;

  ReferralResource(
      ReferralIntake intake,
      ReferralQueries queries,
      Caller caller,
      PartnerAgency partnerAgency,
      NrmConfig config,
      HtcdsExports htcds,
      RateLimits rateLimits,
      MeterRegistry metrics) {
    this.metrics = metrics;
    this.htcds = htcds;
    this.rateLimits = rateLimits;
    this.intake = intake;
    this.queries = queries;
    this.caller = caller;
    this.partnerAgency = partnerAgency;
    this.config = config;
  }

  @POST
  @RolesAllowed(Roles.PARTNER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @NotNull(message = "a body is required") @Valid SubmitReferralRequest request) {
    Agency agency = partnerAgency.current();
    rateLimits.intake(agency.code());
    Submission s =
        intake.submit(
            agency, caller.subject(), IdempotencyRecords.checkedKey(idempotencyKey), request);
    Response.ResponseBuilder response =
        Response.status(s.status())
            .type(MediaType.APPLICATION_JSON)
            .entity(s.body())
            .location(URI.create(s.location()));
    if (s.etag() != null) {
      response.header(HttpHeaders.ETAG, s.etag());
    }
    if (s.replayed()) {
      response.header(REPLAYED, "true");
    }
    metrics
        .counter(
            "nrm.intake.submissions",
            "kind",
            request.kind().name(),
            "outcome",
            s.replayed() ? "replayed" : "accepted")
        .increment();
    return response.build();
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
    return Response.ok(read.view()).header(HttpHeaders.ETAG, etag).build();
  }

  @GET
  @Path("/{id}/htcds")
  @RolesAllowed({Roles.CASEWORKER, Roles.ADMIN})
  public HtcdsExport htcds(@PathParam("id") String id) {
    return htcds.export(caller, QueryParams.uuid("id", id));
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
