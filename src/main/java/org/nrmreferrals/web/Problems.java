package org.nrmreferrals.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Builds problem+json responses; used by the mapper and by HTTP filters outside JAX-RS. */
public final class Problems {
  public static final String MEDIA_TYPE = "application/problem+json";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Problems() {}

  static Response response(
      ProblemType type, String detail, List<Problem.Violation> violations, UriInfo uri) {
    return response(type, detail, violations, instance(uri));
  }

  /** The response for a refusal, with its extension members. */
  static Response response(ProblemException e, UriInfo uri) {
    ProblemType type = e.type();
    Problem problem =
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            e.getMessage(),
            instance(uri),
            e.violations(),
            e.allowedTransitions(),
            e.earliestDate(),
            e.latestDate());
    Response.ResponseBuilder response =
        Response.status(type.status()).type(MEDIA_TYPE).entity(write(problem));
    if (e.retryAfterSeconds() != null) {
      response.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
    }
    return response.build();
  }

  private static String instance(UriInfo uri) {
    return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
  }

  /** A complete response with the serialized body and the problem media type. */
  public static Response response(
      ProblemType type, String detail, List<Problem.Violation> violations, String instance) {
    return Response.status(type.status())
        .type(MEDIA_TYPE)
        .entity(json(type, detail, violations, instance))
        .build();
  }

  /**
   * Answers a request with a problem from a Vert.x route, before any resource runs (a refusal of
   * the request's size or form); {@code close} also closes the connection, whose body is unread.
   */
  static void end(
      RoutingContext ctx,
      ProblemType type,
      String detail,
      List<Problem.Violation> violations,
      boolean close) {
    HttpServerResponse response =
        ctx.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE);
    if (close) {
      response.putHeader("Connection", "close");
    }
    response.end(json(type, detail, violations, ctx.normalizedPath()));
  }

  /** The problem body as JSON text. */
  public static String json(
      ProblemType type, String detail, List<Problem.Violation> violations, String instance) {
    return write(
        new Problem(type.uri(), type.title(), type.status(), detail, instance, violations));
  }

  private static String write(Problem problem) {
    try {
      return JSON.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Problem bodies are always serializable", e);
    }
  }

  static ProblemType typeFor(int status) {
    return Arrays.stream(ProblemType.values())
        .filter(t -> t.status() == status)
        .findFirst()
        .orElse(status >= 500 ? ProblemType.INTERNAL : ProblemType.MALFORMED_REQUEST);
  }

  /**
   * Why the database could not serve the request when that is a passing condition rather than a
   * bug, as the detail of a 503; null otherwise. Unreachable (connection refused or broken,
   * SQLState 08, server shutting down 57P), or overloaded: no pooled connection within the
   * acquisition timeout, a statement cancelled by the transaction timeout (57014), a lock not
   * granted in time (55P03), too many connections or out of resources (53), a serialization failure
   * or deadlock (40001, 40P01). Nothing of the request was committed in any of these, so the client
   * may retry it, with the same Idempotency-Key where it sent one.
   */
  static String unavailability(Throwable e) {
    return unavailability(e, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /**
   * Causes and suppressed exceptions both: a failed commit reaches the mapper as the transaction
   * manager's RollbackException with the driver's exception suppressed under it.
   */
  private static String unavailability(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return null;
    }
    if (t instanceof SQLTransientConnectionException
        || t instanceof org.hibernate.exception.JDBCConnectionException) {
      return UNREACHABLE;
    }
    if (t instanceof SQLException sql) {
      String state = sql.getSQLState();
      if (state == null) {
        if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
          return BUSY; // Agroal: no pooled connection in time; its exception has no state
        }
      } else if (state.startsWith("08") || state.startsWith("57P")) {
        return UNREACHABLE;
      } else if (state.startsWith("53")
          || state.equals("57014")
          || state.equals("55P03")
          || state.equals("40001")
          || state.equals("40P01")) {
        return BUSY;
      }
    }
    String found = unavailability(t.getCause(), seen);
    for (Throwable suppressed : t.getSuppressed()) {
      if (found == null) {
        found = unavailability(suppressed, seen);
      }
    }
    return found;
  }

  static final String UNREACHABLE = "The database is unavailable; retry shortly.";
  static final String BUSY = "The service is too busy to take this request now; retry shortly.";
}
