package org.nrmreferrals.statistics;

import jakarta.ws.rs.QueryParam;

/**
 * The period parameters, declared for the OpenAPI document; {@link StatisticsQuery#parse} reads and
 * checks them from the raw query string with the rest.
 */
public class StatisticsPeriod {
  @QueryParam("from")
  String from;

  @QueryParam("to")
  String to;
}
