package org.nrmreferrals.referral.intake;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.nrmreferrals.agency.Agency;
import org.nrmreferrals.agency.PartnerAgency;
import org.nrmreferrals.referral.SubmitReferralRequest;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.RateLimits;
import org.nrmreferrals.security.Roles;

/** Partner agencies submit referrals and Duty to Notify reports. */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class IntakeResource {
  static final String REPLAYED = "Idempotent-Replayed";

  private final ReferralIntake intake;
  private final Caller caller;
  private final PartnerAgency partnerAgency;
  private final RateLimits rateLimits;
  private final MeterRegistry metrics;

  IntakeResource(
      ReferralIntake intake,
      Caller caller,
      PartnerAgency partnerAgency,
      RateLimits rateLimits,
      MeterRegistry metrics) {
    this.intake = intake;
    this.caller = caller;
    this.partnerAgency = partnerAgency;
    this.rateLimits = rateLimits;
    this.metrics = metrics;
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
}
