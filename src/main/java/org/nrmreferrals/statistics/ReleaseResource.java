package org.nrmreferrals.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;

/**
 * {@code /api/v1/statistics/releases}: the releases statistics are read from. An admin cuts one
 * now; the schedule cuts one each month; analysts list them and name one in a query, or get the
 * newest.
 */
@Path("/api/v1/statistics/releases")
@Produces(MediaType.APPLICATION_JSON)
public class ReleaseResource {
  private final StatisticsReleases releases;
  private final Caller caller;

  ReleaseResource(StatisticsReleases releases, Caller caller) {
    this.releases = releases;
    this.caller = caller;
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  public Response cut() {
    Release release = releases.cut(caller.subject(), false);
    return Response.created(URI.create("/api/v1/statistics/releases/" + release.id()))
        .entity(release)
        .build();
  }

  @GET
  @RolesAllowed({Roles.ANALYST, Roles.STATISTICIAN, Roles.ADMIN})
  public List<Release> list() {
    return releases.list();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ANALYST, Roles.STATISTICIAN, Roles.ADMIN})
  public Release one(@PathParam("id") String id) {
    if (!id.matches("[1-9][0-9]{0,17}")) {
      throw new ProblemException(ProblemType.NOT_FOUND, "No statistics release " + id + ".");
    }
    long wanted = Long.parseLong(id);
    return releases.list().stream()
        .filter(r -> r.id() == wanted)
        .findFirst()
        .orElseThrow(
            () -> new ProblemException(ProblemType.NOT_FOUND, "No statistics release " + id + "."));
  }
}
