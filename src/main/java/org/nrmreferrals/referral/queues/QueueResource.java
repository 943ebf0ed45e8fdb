package org.nrmreferrals.referral.queues;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.authority.CaseworkerAuthority;
import org.nrmreferrals.referral.Cursor;
import org.nrmreferrals.referral.ReferralPage;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.QueryParams;

/** {@code /api/v1/queues}: a caseworker's queues, scoped to the token's competent authority. */
@Path("/api/v1/queues")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CASEWORKER)
public class QueueResource {
  private final CaseQueues queues;
  private final CaseworkerAuthority authority;
  private final Caller caller;
  private final NrmConfig config;

  QueueResource(CaseQueues queues, CaseworkerAuthority authority, Caller caller, NrmConfig config) {
    this.queues = queues;
    this.authority = authority;
    this.caller = caller;
    this.config = config;
  }

  @GET
  public QueueCounts counts() {
    String code = authority.current().code();
    return new QueueCounts(
        code,
        queues.counts(code, caller.subject()).entrySet().stream()
            .map(e -> new QueueCounts.QueueCount(e.getKey().wireName(), e.getValue()))
            .toList());
  }

  @GET
  @Path("/{queue}")
  public ReferralPage page(
      @PathParam("queue") String name,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    Queue queue = Queue.named(name);
    if (queue == null) {
      throw ProblemException.notFound(
          "No queue "
              + name
              + "; the queues are "
              + String.join(", ", Arrays.stream(Queue.values()).map(Queue::wireName).toList())
              + ".");
    }
    int size =
        QueryParams.limit(
            limit, config.pagination().defaultLimit(), config.pagination().maxLimit());
    return queues.page(
        authority.current().code(), caller.subject(), queue, Cursor.decode(cursor), size);
  }
}
