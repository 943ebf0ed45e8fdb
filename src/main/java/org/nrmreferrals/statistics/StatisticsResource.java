package org.nrmreferrals.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.RateLimits;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.Problem;
import org.nrmreferrals.web.ProblemException;

/**
 * {@code /api/v1/statistics}: counts for analysts, never an identity, with disclosure control
 * applied to every figure. JSON by default; {@code Accept: text/csv} gives the same lines as CSV.
 */
@Path("/api/v1/statistics")
@Produces({MediaType.APPLICATION_JSON, StatisticsResource.CSV})
@RolesAllowed({Roles.ANALYST, Roles.STATISTICIAN, Roles.ADMIN})
public class StatisticsResource {
  static final String CSV = "text/csv";
  private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);
  private static final String AS_OF = "Statistics-As-Of";
  private static final String RULE = "Disclosure-Control";

  private static final String RELEASE = "Statistics-Release";

  private final Statistics statistics;
  private final CaseEventTables caseEvents;
  private final StatisticsReleases releases;
  private final RateLimits rateLimits;
  private final Caller caller;

  StatisticsResource(
      Statistics statistics,
      CaseEventTables caseEvents,
      StatisticsReleases releases,
      RateLimits rateLimits,
      Caller caller) {
    this.statistics = statistics;
    this.caseEvents = caseEvents;
    this.releases = releases;
    this.rateLimits = rateLimits;
    this.caller = caller;
  }

  /** A request: the release it reads and the question asked of it. */
  private record Asked(Release release, StatisticsQuery q) {}

  @GET
  @Path("/referrals")
  public Response referrals(
      @BeanParam StatisticsPeriod period,
      @BeanParam StatisticsFilters filters,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    Asked a = parse(uri, true);
    return counts(headers, statistics.referrals(a.release(), a.q()));
  }

  @GET
  @Path("/decisions")
  public Response decisions(
      @BeanParam StatisticsPeriod period,
      @BeanParam StatisticsFilters filters,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    Asked a = parse(uri, true);
    DecisionTable table = statistics.decisions(a.release(), a.q());
    return answer(
        headers,
        table,
        () ->
            CsvTables.write(
                List.of("decision"),
                table.groupBy(),
                List.of("issued", "positive", "negative", "positiveShare", "suppressed"),
                table.lines()));
  }

  @GET
  @Path("/reconsiderations")
  public Response reconsiderations(
      @BeanParam StatisticsPeriod period,
      @BeanParam StatisticsFilters filters,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    Asked a = parse(uri, true);
    ReconsiderationTable table = caseEvents.reconsiderations(a.release(), a.q());
    return answer(
        headers,
        table,
        () ->
            CsvTables.write(
                List.of("decision"),
                table.groupBy(),
                List.of("decided", "accepted", "declined", "suppressed"),
                table.lines()));
  }

  @GET
  @Path("/disqualifications")
  public Response disqualifications(
      @BeanParam StatisticsPeriod period,
      @BeanParam StatisticsFilters filters,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    Asked a = parse(uri, true);
    return counts(headers, caseEvents.disqualifications(a.release(), a.q()));
  }

  @GET
  @Path("/ictg-referrals")
  public Response ictgReferrals(
      @BeanParam StatisticsPeriod period,
      @BeanParam StatisticsFilters filters,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    Asked a = parse(uri, true);
    return counts(headers, statistics.ictgReferrals(a.release(), a.q()));
  }

  private static Response counts(HttpHeaders headers, StatisticsTable table) {
    return answer(
        headers,
        table,
        () ->
            CsvTables.write(
                List.of(), table.groupBy(), List.of("count", "suppressed"), table.lines()));
  }

  @GET
  @Path("/backlog")
  public Response backlog(
      @BeanParam StatisticsFilters filters, @Context UriInfo uri, @Context HttpHeaders headers) {
    Asked a = parse(uri, false);
    StatisticsQuery q = a.q();
    if (q.groupBy().stream().anyMatch(Dimension::isTime)) {
      throw ProblemException.malformed(
          List.of(
              new Problem.Violation(
                  "groupBy",
                  "the backlog is grouped by ageOfCase, not by year, quarter or month")));
    }
    BacklogTable table = statistics.backlog(a.release(), q);
    List<String> dims = new ArrayList<>(table.groupBy());
    dims.add("ageOfCase");
    return answer(
        headers,
        table,
        () ->
            CsvTables.write(
                List.of(),
                dims,
                List.of("count", "suppressed", "medianDaysReferralToRg", "medianDaysRgToCg"),
                table.lines()));
  }

  private Asked parse(UriInfo uri, boolean withPeriod) {
    rateLimits.statistics(caller.subject());
    MultivaluedMap<String, String> params = uri.getQueryParameters();
    Release release = releases.get(StatisticsQuery.releaseId(params));
    StatisticsQuery q = StatisticsQuery.parse(params, withPeriod, release);
    if (caller.isStatistician()) {
      releases.audit(release, uri.getPath(), uri.getRequestUri().getRawQuery());
      q = q.exactly();
    }
    return new Asked(release, q);
  }

  /** CSV when the caller prefers it; JSON for anything else, wildcards included. */
  private static boolean wantsCsv(HttpHeaders headers) {
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isWildcardType()) {
        return false;
      }
      if (type.isCompatible(CSV_TYPE)) {
        return true;
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }

  /** The table as JSON, or as CSV (with asOf and the rule in headers) when preferred. */
  private static Response answer(HttpHeaders headers, PublishedTable table, Supplier<String> csv) {
    DisclosureControl disclosureControl = table.disclosureControl();
    if (!wantsCsv(headers)) {
      return Response.ok(table, MediaType.APPLICATION_JSON_TYPE).build();
    }
    return Response.ok(csv.get(), MediaType.valueOf("text/csv; charset=UTF-8"))
        .header(RELEASE, Long.toString(table.release()))
        .header(AS_OF, table.asOf().toString())
        .header(
            RULE,
            "threshold="
                + disclosureControl.threshold()
                + "; roundingBase="
                + disclosureControl.roundingBase()
                + "; suppressedCells="
                + disclosureControl.suppressedCells())
        .build();
  }
}
