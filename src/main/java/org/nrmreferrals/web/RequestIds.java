package org.nrmreferrals.web;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token, otherwise
 * a new UUID. It is echoed in the response, recorded on the request's audit events and put on the
 * request's log lines.
 */
@ApplicationScoped
public class RequestIds {
  public static final String HEADER = "X-Request-Id";
  private static final String KEY = "nrm.request-id";
  private static final String MDC_KEY = "requestId";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final CurrentVertxRequest current;

  RequestIds(CurrentVertxRequest current) {
    this.current = current;
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE + 1)
        .handler(
            ctx -> {
              String id = accepted(ctx.request().getHeader(HEADER));
              ctx.put(KEY, id);
              // Log lines of this request carry its id ("requestId" in the MDC, kept on the
              // request's Vert.x context across threads).
              MDC.put(MDC_KEY, id);
              ctx.response().putHeader(HEADER, id);
              ctx.next();
            });
  }

  /** The id of the request being served, or a fresh one outside any request. */
  public String current() {
    if (!Arc.container().requestContext().isActive()) {
      return UUID.randomUUID().toString();
    }
    RoutingContext ctx = current.getCurrent();
    String id = ctx == null ? null : ctx.get(KEY);
    return id == null ? UUID.randomUUID().toString() : id;
  }

  static String accepted(String header) {
    return header != null && ACCEPTED.matcher(header).matches()
        ? header
        : UUID.randomUUID().toString();
  }
}
