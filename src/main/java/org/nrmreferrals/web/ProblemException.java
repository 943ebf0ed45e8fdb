package org.nrmreferrals.web;

import java.time.LocalDate;
import java.util.List;

/** A refusal the caller can act on; {@link ProblemMapper} turns it into problem+json. */
public class ProblemException extends RuntimeException {
  private final ProblemType type;
  private final List<Problem.Violation> violations;
  private List<String> allowedTransitions;
  private LocalDate earliestDate;
  private LocalDate latestDate;
  private Long retryAfterSeconds;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, null);
  }

  public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
    super(detail, null, false, false);
    this.type = type;
    this.violations = violations;
  }

  /** 422 naming the fields at fault. */
  public static ProblemException invalid(List<Problem.Violation> violations) {
    return new ProblemException(
        ProblemType.VALIDATION, "The request has invalid fields; see violations.", violations);
  }

  /** 422 for one field. */
  public static ProblemException invalid(String field, String message) {
    return invalid(List.of(new Problem.Violation(field, message)));
  }

  /** 400 for a malformed parameter or body part. */
  public static ProblemException malformed(String field, String message) {
    return new ProblemException(
        ProblemType.MALFORMED_REQUEST, message, List.of(new Problem.Violation(field, message)));
  }

  /** 400 for several malformed parameters at once. */
  public static ProblemException malformed(List<Problem.Violation> violations) {
    return new ProblemException(
        ProblemType.MALFORMED_REQUEST,
        "The request has malformed parameters; see violations.",
        violations);
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(ProblemType.NOT_FOUND, detail);
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(ProblemType.FORBIDDEN, detail);
  }

  /** 409 for a workflow move the table does not allow, naming the ones it does. */
  public static ProblemException illegalTransition(String detail, List<String> allowed) {
    ProblemException e = new ProblemException(ProblemType.ILLEGAL_TRANSITION, detail);
    e.allowedTransitions = List.copyOf(allowed);
    return e;
  }

  /** 422 for a decision made before the law allows it, naming the first day it may be made. */
  public static ProblemException tooEarly(String field, String message, LocalDate earliest) {
    ProblemException e =
        new ProblemException(
            ProblemType.TOO_EARLY, message, List.of(new Problem.Violation(field, message)));
    e.earliestDate = earliest;
    return e;
  }

  /** 422 too-late: the request was due by the given day. */
  public static ProblemException tooLate(String field, String message, LocalDate latest) {
    ProblemException e =
        new ProblemException(
            ProblemType.TOO_LATE, message, List.of(new Problem.Violation(field, message)));
    e.latestDate = latest;
    return e;
  }

  /** 429: the caller's allowance is spent; it may retry after the given seconds. */
  public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
    ProblemException e = new ProblemException(ProblemType.TOO_MANY_REQUESTS, detail);
    e.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    return e;
  }

  /** 503: the service cannot answer this yet; {@code Retry-After} says when to ask again. */
  public static ProblemException unavailable(String detail, long retryAfterSeconds) {
    ProblemException e = new ProblemException(ProblemType.SERVICE_UNAVAILABLE, detail);
    e.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    return e;
  }

  public ProblemType type() {
    return type;
  }

  public List<Problem.Violation> violations() {
    return violations;
  }

  List<String> allowedTransitions() {
    return allowedTransitions;
  }

  LocalDate latestDate() {
    return latestDate;
  }

  LocalDate earliestDate() {
    return earliestDate;
  }

  Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
