package org.nrmreferrals.web;

/** Every kind of error the API returns, each with a stable {@code type} URI. */
public enum ProblemType {
  MALFORMED_REQUEST(400, "malformed-request", "The request could not be read"),
  UNAUTHENTICATED(401, "unauthenticated", "A valid bearer token is required"),
  FORBIDDEN(403, "forbidden", "Not allowed for this caller"),
  NOT_FOUND(404, "not-found", "No such resource"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed on this resource"),
  NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
  CONFLICT(409, "conflict", "The request conflicts with the current state"),
  ILLEGAL_TRANSITION(409, "illegal-transition", "The workflow does not allow this transition"),
  PRECONDITION_FAILED(412, "precondition-failed", "The resource has changed"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported content type"),
  VALIDATION(422, "validation", "The request is not valid"),
  TOO_EARLY(422, "too-early", "The decision cannot be made yet"),
  TOO_LATE(422, "too-late", "The time for this request has passed"),
  DISCLOSURE_RISK(
      422, "disclosure-risk", "The table cannot be published without disclosing a small count"),
  SECOND_CASEWORKER_REQUIRED(
      422, "second-caseworker-required", "A different caseworker must confirm this decision"),
  IDEMPOTENCY_KEY_REUSED(
      422, "idempotency-key-reused", "The Idempotency-Key was used with a different request"),
  PRECONDITION_REQUIRED(428, "precondition-required", "A precondition header is required"),
  TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
  INTERNAL(500, "internal", "Internal error"),
  SERVICE_UNAVAILABLE(503, "service-unavailable", "The service is temporarily unavailable");

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** Relative URI, resolved against the API's base. */
  public String uri() {
    return "/problems/" + slug;
  }
}
