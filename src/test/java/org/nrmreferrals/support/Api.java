package org.nrmreferrals.support;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Requests whose responses are checked against the committed OpenAPI document. Requests are not
 * checked: the tests send invalid ones on purpose.
 */
public final class Api {
  private static final OpenApiValidationFilter CONTRACT =
      new OpenApiValidationFilter(
          OpenApiInteractionValidator.createForSpecificationUrl("openapi/openapi.yaml")
              .withLevelResolver(
                  LevelResolver.create()
                      .withLevel("validation.request", ValidationReport.Level.IGNORE)
                      .build())
              .build());

  private Api() {}

  /** An anonymous request. */
  public static RequestSpecification anonymous() {
    return given().filter(CONTRACT).contentType(ContentType.JSON);
  }

  /** A request with this bearer token. */
  public static RequestSpecification as(String token) {
    return anonymous().auth().oauth2(token);
  }
}
