package org.nrmreferrals.statistics;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The period parameters, declared for the OpenAPI document; {@link StatisticsQuery#parse} reads and
 * checks them from the raw query string with the rest.
 */
public class StatisticsPeriod {
  @QueryParam("from")
  @Parameter(description = "First month, YYYY-MM (default: 11 months before to)")
  String from;

  @QueryParam("to")
  @Parameter(description = "Last month, YYYY-MM (default: this month)")
  String to;
}
