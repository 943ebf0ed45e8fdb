package org.nrmreferrals.referral;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.nrmreferrals.reference.Countries;
import org.nrmreferrals.reference.ExploitationType;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.QueryParams;
import org.nrmreferrals.workflow.ReferralStatus;

/** The query parameters of the referral list, read as text and checked strictly (400). */
public class ReferralListQuery {
  @QueryParam("status")
  @Schema(implementation = ReferralStatus.class)
  String status;

  @QueryParam("kind")
  @Schema(implementation = ReferralKind.class)
  String kind;

  @QueryParam("submittedFrom")
  @Parameter(description = "First day, inclusive (UK time)")
  @Schema(type = SchemaType.STRING, format = "date")
  String submittedFrom;

  @QueryParam("submittedTo")
  @Parameter(description = "Last day, inclusive (UK time)")
  @Schema(type = SchemaType.STRING, format = "date")
  String submittedTo;

  @QueryParam("nationality")
  @Parameter(description = "ISO 3166-1 alpha-2 code")
  String nationality;

  @QueryParam("countryOfOrigin")
  @Parameter(description = "ISO 3166-1 alpha-2 code")
  String countryOfOrigin;

  @QueryParam("exploitationType")
  @Schema(implementation = ExploitationType.class)
  String exploitationType;

  @QueryParam("ageAtExploitation")
  @Schema(implementation = AgeAtExploitation.class)
  String ageAtExploitation;

  @QueryParam("awaitingCg")
  @Parameter(description = "true: positive RG cases still awaiting a CG decision")
  @Schema(implementation = Boolean.class)
  String awaitingCg;

  @QueryParam("overdue")
  @Parameter(description = "true: submitted referrals past their RG decision due date")
  @Schema(implementation = Boolean.class)
  String overdue;

  @QueryParam("cursor")
  @Parameter(description = "nextCursor of the previous page")
  String cursor;

  @QueryParam("limit")
  @Parameter(description = "Page size, 1 to 200 (default 50)")
  @Schema(type = SchemaType.INTEGER)
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
        QueryParams.bool("overdue", overdue));
  }

  private static String country(String name, String code) {
    if (code != null && !Countries.isCountry(code)) {
      throw ProblemException.malformed(name, "must be an ISO 3166-1 alpha-2 country code");
    }
    return code;
  }
}
