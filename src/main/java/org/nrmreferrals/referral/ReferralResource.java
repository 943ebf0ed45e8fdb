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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(name = "Referrals")
@SecurityRequirement(name = "bearer")
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
  @Operation(
      operationId = "submitReferral",
      summary = "Submit a referral or Duty to Notify report",
      description =
          "The referring agency is the token's agency. Send an Idempotency-Key to retry safely:"
              + " a repeat with the same key and body replays the first response.")
  @APIResponse(
      responseCode = "201",
      description = "Accepted; also the replay of an earlier request with the same key",
      headers = {
        @Header(
            name = "Location",
            description = "The referral's URL",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "ETag",
            description = "The referral's version (absent on a replay)",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = REPLAYED,
            description = "true when this is a replay",
            schema = @Schema(type = SchemaType.STRING))
      },
      content = @Content(schema = @Schema(implementation = ReferralView.class)))
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponse(
      responseCode = "422",
      description =
          "A rule is broken (see violations), or the Idempotency-Key was used with another body",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  public Response submit(
      @Parameter(
              in = ParameterIn.HEADER,
              description = "1 to 255 visible ASCII characters; kept at least 24 hours")
          @HeaderParam("Idempotency-Key")
          String idempotencyKey,
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
  @Operation(
      operationId = "getReferral",
      summary = "Read a referral",
      description =
          "A partner sees only its own agency's referrals; others are 404. Every read that returns"
              + " the referral is recorded in the audit trail.")
  @APIResponse(
      responseCode = "200",
      description = "The referral",
      headers =
          @Header(
              name = "ETag",
              description = "The referral's version",
              schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = ReferralView.class)))
  @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match tag")
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
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
  @Operation(
      operationId = "exportReferralAsHtcds",
      summary = "Export a referral in HTCDS 2.0 terms",
      description =
          "The referral as IOM's Human Trafficking Case Data Standard 2.0 names it (field and value"
              + " names from the standard's field table; CC BY 4.0, IOM), for partners whose"
              + " systems use HTCDS. It includes the personal data, so every export is recorded"
              + " in the audit trail; after erasure the identifying fields are absent.")
  @APIResponse(
      responseCode = "200",
      description = "The referral in HTCDS terms",
      content = @Content(schema = @Schema(implementation = HtcdsExport.class)))
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public HtcdsExport htcds(@PathParam("id") String id) {
    return htcds.export(caller, QueryParams.uuid("id", id));
  }

  @GET
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ADMIN})
  @Operation(
      operationId = "listReferrals",
      summary = "List referrals",
      description =
          "Newest first, without personal data. Follow nextCursor until it is null; a walk never"
              + " skips or repeats an item. Partners see only their own agency's referrals. The ids"
              + " each page returns are recorded in the audit trail.")
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content = @Content(schema = @Schema(implementation = ReferralPage.class)))
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  public ReferralPage list(@BeanParam ReferralListQuery query) {
    ZoneId zone = ZoneId.of(config.jurisdictionZone());
    int pageSize =
        QueryParams.limit(
            query.limit, config.pagination().defaultLimit(), config.pagination().maxLimit());
    return queries.list(caller, query.filter(zone), Cursor.decode(query.cursor), pageSize);
  }
}
