package org.nrmreferrals.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * RFC 9457 problem details: the body of every error response. Its OpenAPI schema is written by hand
 * in openapi/openapi.yaml, with every problem type. Two extension members: {@code
 * allowedTransitions} on an illegal workflow transition, {@code earliestDate} on a decision made
 * too early, {@code latestDate} on a request made too late.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<Violation> violations,
    List<String> allowedTransitions,
    LocalDate earliestDate,
    LocalDate latestDate) {

  Problem(
      String type, String title, int status, String detail, String instance, List<Violation> v) {
    this(type, title, status, detail, instance, v, null, null, null);
  }

  /** One invalid field: a dotted path into the request and what to do about it. */
  public record Violation(String field, String message) {}
}
