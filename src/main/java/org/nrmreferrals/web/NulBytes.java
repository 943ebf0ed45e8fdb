package org.nrmreferrals.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses a request whose path or query holds a NUL byte ({@code %00}) with a 400 problem, before
 * any resource: PostgreSQL refuses NUL in text, so such a value would otherwise reach the database
 * and come back as a 500 (found by bench/faults' hostile requests, on a competent authority's
 * code).
 */
@ApplicationScoped
public class NulBytes {
  private static final Pattern NUL = Pattern.compile("%00");

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE + 2)
        .handler(
            ctx -> {
              String uri = ctx.request().uri();
              if (uri != null && NUL.matcher(uri).find()) {
                String detail = "The request's path or query holds a NUL byte (%00).";
                Problems.end(
                    ctx,
                    ProblemType.MALFORMED_REQUEST,
                    detail,
                    List.of(new Problem.Violation("", detail)),
                    false);
                return;
              }
              ctx.next();
            });
  }
}
