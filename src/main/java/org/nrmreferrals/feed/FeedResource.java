package org.nrmreferrals.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nrmreferrals.audit.AuditQueries;
import org.nrmreferrals.audit.EventPage;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.QueryParams;

/** {@code GET /api/v1/events}: what changed, for partner systems to keep in step. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feed")
@SecurityRequirement(name = "bearer")
public class FeedResource {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  private static final int MAX_WAIT_SECONDS = 30;
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Pattern WAIT = Pattern.compile("([0-9]{1,3})s?");

  /** Long polls hold a worker thread each; beyond this many, a poll answers at once. */
  private static final int MAX_WAITERS = 16;

  private static final Semaphore WAITERS = new Semaphore(MAX_WAITERS);

  private final AuditQueries audit;
  private final Caller caller;

  FeedResource(AuditQueries audit, Caller caller) {
    this.audit = audit;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ADMIN})
  @Operation(
      operationId = "listEvents",
      summary = "The change feed",
      description =
          "Audit events after the cursor, in commit order: a partner gets its own agency's,"
              + " caseworkers and admins every agency's. Start without a cursor, then always send"
              + " the last nextCursor; a consumer that keeps polling never misses an event and"
              + " never gets one twice. With wait, an empty page is held until an event arrives"
              + " or the wait ends.")
  @APIResponse(
      responseCode = "200",
      description = "One page (possibly empty)",
      content = @Content(schema = @Schema(implementation = EventPage.class)))
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  public EventPage list(
      @Parameter(description = "nextCursor of the previous page (default: the start)")
          @QueryParam("after")
          String after,
      @Parameter(description = "Page size, 1 to 1000 (default 100)")
          @Schema(type = SchemaType.INTEGER)
          @QueryParam("limit")
          String limit,
      @Parameter(description = "Long poll: up to 30 seconds, such as 30s") @QueryParam("wait")
          String wait)
      throws InterruptedException {
    long cursor = QueryParams.nonNegativeLong("after", after, 0);
    int size = QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    Duration patience = waitOf(wait);
    String agency = caller.seesAllAgencies() ? null : caller.agencyCode();
    EventPage page = audit.feed(agency, cursor, size, agency);
    if (!page.events().isEmpty() || patience.isZero() || !WAITERS.tryAcquire()) {
      return page;
    }
    try {
      Instant deadline = Instant.now().plus(patience);
      while (page.events().isEmpty() && Instant.now().isBefore(deadline)) {
        Thread.sleep(POLL.toMillis());
        page = audit.feed(agency, Long.parseLong(page.nextCursor()), size, agency);
      }
      return page;
    } finally {
      WAITERS.release();
    }
  }

  /** How many long polls are being held now. */
  static int waiting() {
    return MAX_WAITERS - WAITERS.availablePermits();
  }

  private static Duration waitOf(String wait) {
    if (wait == null) {
      return Duration.ZERO;
    }
    Matcher m = WAIT.matcher(wait);
    if (!m.matches() || Integer.parseInt(m.group(1)) > MAX_WAIT_SECONDS) {
      throw ProblemException.malformed("wait", "must be 0s to 30s");
    }
    return Duration.ofSeconds(Integer.parseInt(m.group(1)));
  }
}
