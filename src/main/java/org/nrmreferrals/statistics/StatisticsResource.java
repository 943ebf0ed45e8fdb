package org.nrmreferrals.statistics;

import static org.nrmreferrals.statistics.StatisticsAnswers.answer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.statistics.StatisticsRequests.Asked;
import org.nrmreferrals.web.Problem;
import org.nrmreferrals.web.ProblemException;

/**
 * {@code /api/v1/statistics}: counts for analysts, never an identity, with disclosure control
 * applied to every figure. JSON by default; {@code Accept: text/csv} gives the same lines as CSV.
 */
@Path("/api/v1/statistics")
@Produces({MediaType.APPLICATION_JSON, StatisticsAnswers.CSV})
@RolesAllowed({Roles.ANALYST, Roles.STATISTICIAN, Roles.ADMIN})
public class StatisticsResource {
  private final Statistics statistics;
  private final CaseEventTables caseEvents;
  private final StatisticsRequests requests;

  StatisticsResource(
      Statistics statistics, CaseEventTables caseEvents, StatisticsRequests requests) {
    this.statistics = statistics;
    this.caseEvents = caseEvents;
    this.requests = requests;
  }

  @GET
  @Path("/referrals")
  public Response referrals(
      @BeanParam StatisticsPeriod period,
      @BeanParam StatisticsFilters filters,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    Asked a = requests.ask(uri, true);
    return answer(headers, statistics.referrals(a.release(), a.q()));
  }

  @GET
  @Path("/decisions")
  public Response decisions(
      @BeanParam StatisticsPeriod period,
      @BeanParam StatisticsFilters filters,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    Asked a = requests.ask(uri, true);
    return answer(headers, statistics.decisions(a.release(), a.q()));
  }

  @GET
  @Path("/reconsiderations")
  public Response reconsiderations(
      @BeanParam StatisticsPeriod period,
      @BeanParam StatisticsFilters filters,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    Asked a = requests.ask(uri, true);
    return answer(headers, caseEvents.reconsiderations(a.release(), a.q()));
  }

  @GET
  @Path("/disqualifications")
  public Response disqualifications(
      @BeanParam StatisticsPeriod period,
      @BeanParam StatisticsFilters filters,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    Asked a = requests.ask(uri, true);
    return answer(headers, caseEvents.disqualifications(a.release(), a.q()));
  }

  @GET
  @Path("/ictg-referrals")
  public Response ictgReferrals(
      @BeanParam StatisticsPeriod period,
      @BeanParam StatisticsFilters filters,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    Asked a = requests.ask(uri, true);
    return answer(headers, statistics.ictgReferrals(a.release(), a.q()));
  }

  @GET
  @Path("/time-to-decision")
  public Response timeToDecision(
      @BeanParam StatisticsPeriod period,
      @BeanParam StatisticsFilters filters,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    Asked a = requests.ask(uri, true);
    return answer(headers, statistics.decisionTimes(a.release(), a.q()));
  }

  @GET
  @Path("/backlog")
  public Response backlog(
      @BeanParam StatisticsFilters filters, @Context UriInfo uri, @Context HttpHeaders headers) {
    Asked a = requests.ask(uri, false);
    StatisticsQuery q = a.q();
    if (q.groupBy().stream().anyMatch(Dimension::isTime)) {
      throw ProblemException.malformed(
          List.of(
              new Problem.Violation(
                  "groupBy",
                  "the backlog is grouped by ageOfCase, not by year, quarter or month")));
    }
    return answer(headers, statistics.backlog(a.release(), q));
  }
}
