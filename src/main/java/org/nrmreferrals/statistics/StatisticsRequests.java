package org.nrmreferrals.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.RateLimits;

/**
 * What a statistics request asks: the caller's allowance spent, the release named (or the newest),
 * the question parsed against it; exact for a statistician, whose read is audited first.
 */
@ApplicationScoped
class StatisticsRequests {
  /** A request: the release it reads and the question asked of it. */
  record Asked(Release release, StatisticsQuery q) {}

  private final StatisticsReleases releases;
  private final RateLimits rateLimits;
  private final Caller caller;

  StatisticsRequests(StatisticsReleases releases, RateLimits rateLimits, Caller caller) {
    this.releases = releases;
    this.rateLimits = rateLimits;
    this.caller = caller;
  }

  /** The question in the request's own parameters. */
  Asked ask(UriInfo uri, boolean withPeriod) {
    return ask(uri, uri.getQueryParameters(), withPeriod);
  }

  /** The question in these parameters (a catalogue table's, with the request's release). */
  Asked ask(UriInfo uri, MultivaluedMap<String, String> params, boolean withPeriod) {
    rateLimits.statistics(caller.subject());
    Release release = releases.get(StatisticsQuery.releaseId(params));
    StatisticsQuery q = StatisticsQuery.parse(params, withPeriod, release);
    if (caller.isStatistician()) {
      releases.audit(release, uri.getPath(), uri.getRequestUri().getRawQuery());
      q = q.exactly();
    }
    return new Asked(release, q);
  }
}
