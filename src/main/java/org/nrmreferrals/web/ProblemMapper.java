package org.nrmreferrals.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every exception-to-status decision of the API, in one place. */
public class ProblemMapper {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return Problems.response(e, uri);
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.Violation> violations =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.Violation(FieldPaths.of(v.getPropertyPath()), v.getMessage()))
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .toList();
    return Problems.response(
        ProblemType.VALIDATION, "The request has invalid fields; see violations.", violations, uri);
  }

  @ServerExceptionMapper({
    JsonProcessingException.class,
    JsonMappingException.class,
    MismatchedInputException.class,
    InvalidFormatException.class,
    UnrecognizedPropertyException.class
  })
  public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
    ProblemException wrapped = wrapped(e);
    if (wrapped != null) {
      return problem(wrapped, uri);
    }
    String field = e instanceof JsonMappingException m ? FieldPaths.of(m.getPath()) : "";
    if (e instanceof UnrecognizedPropertyException u) {
      String name = field.isEmpty() ? u.getPropertyName() : field;
      return malformed(name, "Unknown field '" + name + "': it cannot be set by a client.", uri);
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
      Object[] constants = f.getTargetType().getEnumConstants();
      if (constants != null) {
        String message = "must be one of " + Arrays.toString(constants);
        return Problems.response(
            ProblemType.VALIDATION,
            "The request has invalid fields; see violations.",
            List.of(new Problem.Violation(field, message)),
            uri);
      }
    }
    if (e instanceof MismatchedInputException) {
      String message =
          field.isEmpty()
              ? "The body must be a JSON object."
              : "Field '" + field + "' has the wrong type or shape.";
      return malformed(field, message, uri);
    }
    return malformed("", "The body is not well-formed JSON.", uri);
  }

  @ServerExceptionMapper({
    UnauthorizedException.class,
    AuthenticationFailedException.class,
    AuthenticationCompletionException.class
  })
  public Response unauthenticated(RuntimeException e, UriInfo uri) {
    return Response.fromResponse(
            Problems.response(ProblemType.UNAUTHENTICATED, "Send a valid bearer token.", null, uri))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return Problems.response(
        ProblemType.FORBIDDEN, "Your role does not allow this request.", null, uri);
  }

  @ServerExceptionMapper
  public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
    return Problems.response(
        ProblemType.CONFLICT, "The resource was changed concurrently; read it again.", null, uri);
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return unreadableBody(json, uri);
    }
    ProblemException wrapped = wrapped(e);
    if (wrapped != null) {
      return problem(wrapped, uri);
    }
    ProblemType type = Problems.typeFor(e.getResponse().getStatus());
    return Problems.response(type, type.title() + ".", null, uri);
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    ProblemException wrapped = wrapped(e);
    if (wrapped != null) {
      return problem(wrapped, uri);
    }
    String unavailable = Problems.unavailability(e);
    if (unavailable != null) {
      LOG.warnf("Answered 503: %s (%s)", unavailable, e.getClass().getName());
      return Response.fromResponse(
              Problems.response(ProblemType.SERVICE_UNAVAILABLE, unavailable, null, uri))
          .header(HttpHeaders.RETRY_AFTER, "5")
          .build();
    }
    LOG.error("Unexpected error", e);
    return Problems.response(ProblemType.INTERNAL, "An unexpected error occurred.", null, uri);
  }

  /**
   * The problem response for any exception, as the mappers above would answer it: for work done
   * outside JAX-RS's own dispatch (a line of a bulk import), where each item gets its own answer.
   */
  public Response of(Throwable e) {
    if (e instanceof ProblemException p) {
      return problem(p, null);
    }
    if (e instanceof ConstraintViolationException v) {
      return constraintViolation(v, null);
    }
    if (e instanceof JsonProcessingException j) {
      return unreadableBody(j, null);
    }
    if (e instanceof OptimisticLockException o) {
      return optimisticLock(o, null);
    }
    return unexpected(e, null);
  }

  /** A refusal thrown inside a library (for example the body limit, inside Jackson). */
  private static ProblemException wrapped(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ProblemException p) {
        return p;
      }
    }
    return null;
  }

  private static Response malformed(String field, String message, UriInfo uri) {
    return Problems.response(
        ProblemType.MALFORMED_REQUEST,
        message,
        List.of(new Problem.Violation(field, message)),
        uri);
  }
}
