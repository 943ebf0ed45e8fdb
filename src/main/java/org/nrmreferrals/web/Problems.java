package org.nrmreferrals.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;

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
            e.earliestDate());
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

  /** True when the failure is the database being unreachable, not a bug. */
  static boolean isDatabaseUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof org.hibernate.exception.JDBCConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
