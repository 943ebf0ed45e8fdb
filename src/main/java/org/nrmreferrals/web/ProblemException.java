package org.nrmreferrals.web;

import java.util.List;

/** A refusal the caller can act on; {@link ProblemMapper} turns it into problem+json. */
public class ProblemException extends RuntimeException {
  private final ProblemType type;
  private final List<Problem.Violation> violations;

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

  public static ProblemException notFound(String detail) {
    return new ProblemException(ProblemType.NOT_FOUND, detail);
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(ProblemType.FORBIDDEN, detail);
  }

  public ProblemType type() {
    return type;
  }

  public List<Problem.Violation> violations() {
    return violations;
  }
}
