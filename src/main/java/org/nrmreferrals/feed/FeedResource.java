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
import org.nrmreferrals.audit.AuditQueries;
import org.nrmreferrals.audit.EventPage;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.QueryParams;

/** {@code GET /api/v1/events}: what changed, for partner systems to keep in step. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
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
  @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
  public EventPage list(
      @QueryParam("after") String after,
      @QueryParam("limit") String limit,
      @QueryParam("wait") String wait)
      throws InterruptedException {
    long cursor = QueryParams.nonNegativeLong("after", after, 0);
    int size = QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    Duration patience = waitOf(wait);
    String agency = caller.agencyScope();
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
