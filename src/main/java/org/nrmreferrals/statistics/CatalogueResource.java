package org.nrmreferrals.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.statistics.StatisticsRequests.Asked;
import org.nrmreferrals.web.Problem;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;

/**
 * {@code /api/v1/statistics/tables}: the catalogue of tables in the Home Office's layout, each for
 * a quarter or a year of a release, as JSON or as CSV with the same columns.
 */
@Path("/api/v1/statistics/tables")
@Produces({MediaType.APPLICATION_JSON, StatisticsAnswers.CSV})
@RolesAllowed({Roles.ANALYST, Roles.STATISTICIAN, Roles.ADMIN})
public class CatalogueResource {
  private static final Pattern PERIOD = Pattern.compile("([0-9]{4})(?:-Q([1-4]))?");

  /** A catalogue table's answer: what it is, and its figures. */
  public record CatalogueAnswer(Catalogue.Entry table, PublishedTable figures) {}

  private final Catalogue catalogue;
  private final StatisticsRequests requests;
  private final Caller caller;

  CatalogueResource(Catalogue catalogue, StatisticsRequests requests, Caller caller) {
    this.catalogue = catalogue;
    this.requests = requests;
    this.caller = caller;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<Catalogue.Entry> list() {
    return Catalogue.ENTRIES;
  }

  @GET
  @Path("/{code}")
  public Response table(
      @PathParam("code") String code,
      @QueryParam("period") String period,
      @QueryParam("release") String release,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    Catalogue.Entry entry =
        Catalogue.entry(code)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_FOUND,
                        "No table " + code + " in the catalogue (GET /api/v1/statistics/tables)."));
    // The period and release as asked; the dimensions the entry's, which may be more than an
    // ad-hoc question may group by.
    MultivaluedMap<String, String> asked = params(uri.getQueryParameters());
    if (entry.statisticiansOnly() && !caller.isStatistician()) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "Table "
              + code
              + " is read by statisticians only: its cells are mostly one or two people, too"
              + " small and too many to protect. Its margins are published: see"
              + " referrals-by-first-responder-type-and-exploitation, or group referrals by up"
              + " to three of agency, exploitationCombination, ageAtExploitation, gender and"
              + " nationality.");
    }
    Asked a = requests.ask(uri, asked, true);
    StatisticsQuery q = a.q().over(entry.dimensions(), entry.fixed());
    PublishedTable figures = catalogue.figures(entry, a.release(), q);
    return StatisticsAnswers.answer(headers, new CatalogueAnswer(entry, figures), figures);
  }

  /** The request's period as from and to, and its release; nothing else is taken. */
  private static MultivaluedMap<String, String> params(MultivaluedMap<String, String> query) {
    List<Problem.Violation> problems = new ArrayList<>();
    MultivaluedMap<String, String> out = new MultivaluedHashMap<>();
    for (String name : query.keySet()) {
      if (!name.equals("period") && !name.equals("release")) {
        problems.add(
            new Problem.Violation(
                name, "a catalogue table takes only period (YYYY or YYYY-Qn) and release"));
      }
    }
    List<String> periods = query.get("period");
    Matcher m = periods == null || periods.size() != 1 ? null : PERIOD.matcher(periods.get(0));
    if (m == null || !m.matches()) {
      problems.add(
          new Problem.Violation("period", "required once: a year (2025) or a quarter (2025-Q1)"));
    } else {
      int year = Integer.parseInt(m.group(1));
      int first = m.group(2) == null ? 1 : (Integer.parseInt(m.group(2)) - 1) * 3 + 1;
      int last = m.group(2) == null ? 12 : first + 2;
      out.putSingle("from", YearMonth.of(year, first).toString());
      out.putSingle("to", YearMonth.of(year, last).toString());
    }
    if (!problems.isEmpty()) {
      throw ProblemException.malformed(problems);
    }
    if (query.containsKey("release")) {
      out.put("release", query.get("release"));
    }
    return out;
  }
}
