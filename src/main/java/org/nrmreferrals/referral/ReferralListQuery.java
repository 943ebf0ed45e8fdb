package org.nrmreferrals.referral;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.ZoneId;
import org.nrmreferrals.reference.Countries;
import org.nrmreferrals.reference.ExploitationType;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.QueryParams;
import org.nrmreferrals.workflow.ReferralStatus;

/** The query parameters of the referral list, read as text and checked strictly (400). */
public class ReferralListQuery {
  @QueryParam("status")
  String status;

  @QueryParam("kind")
  String kind;

  @QueryParam("submittedFrom")
  String submittedFrom;

  @QueryParam("submittedTo")
  String submittedTo;

  @QueryParam("nationality")
  String nationality;

  @QueryParam("countryOfOrigin")
  String countryOfOrigin;

  @QueryParam("exploitationType")
  String exploitationType;

  @QueryParam("ageAtExploitation")
  String ageAtExploitation;

  @QueryParam("awaitingCg")
  String awaitingCg;

  @QueryParam("overdue")
  String overdue;

  @QueryParam("competentAuthority")
  String competentAuthority;

  @QueryParam("assignee")
  String assignee;

  @QueryParam("consentNeeded")
  String consentNeeded;

  @QueryParam("cursor")
  String cursor;

  @QueryParam("limit")
  String limit;

  /** The filter these parameters describe; days are whole days in the given zone. */
  ReferralFilter filter(ZoneId zone) {
    LocalDate from = QueryParams.date("submittedFrom", submittedFrom);
    LocalDate to = QueryParams.date("submittedTo", submittedTo);
    if (from != null && to != null && from.isAfter(to)) {
      throw ProblemException.malformed("submittedFrom", "must not be after submittedTo");
    }
    return new ReferralFilter(
        QueryParams.enumValue("status", status, ReferralStatus.class),
        QueryParams.enumValue("kind", kind, ReferralKind.class),
        from == null ? null : from.atStartOfDay(zone).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
        country("nationality", nationality),
        country("countryOfOrigin", countryOfOrigin),
        QueryParams.enumValue("exploitationType", exploitationType, ExploitationType.class),
        QueryParams.enumValue("ageAtExploitation", ageAtExploitation, AgeAtExploitation.class),
        QueryParams.bool("awaitingCg", awaitingCg),
        QueryParams.bool("overdue", overdue),
        code("competentAuthority", competentAuthority),
        text("assignee", assignee),
        QueryParams.bool("consentNeeded", consentNeeded));
  }

  private static String code(String name, String value) {
    if (value != null && !value.matches("[A-Z0-9][A-Z0-9_]{1,39}")) {
      throw ProblemException.malformed(name, "must be a competent authority's code, e.g. SCA");
    }
    return value;
  }

  private static String text(String name, String value) {
    if (value != null && (value.isBlank() || value.length() > 200)) {
      throw ProblemException.malformed(name, "must be 1 to 200 characters");
    }
    return value;
  }

  private static String country(String name, String code) {
    if (code != null && !Countries.isCountry(code)) {
      throw ProblemException.malformed(name, "must be an ISO 3166-1 alpha-2 country code");
    }
    return code;
  }
}
