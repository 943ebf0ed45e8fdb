package org.nrmreferrals.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.nrmreferrals.statistics.StatisticsSchemas;

/**
 * Adds the error responses every secured operation can give, so resources list only their own, and
 * keeps referenced responses pure references (SmallRye gives a referenced 200 a default
 * description, which OpenAPI 3.0 forbids beside {@code $ref}).
 */
public class StandardErrorResponses implements OASFilter {

  @Override
  public Operation filterOperation(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
      add(responses, "401", "Unauthenticated");
      add(responses, "403", "Forbidden");
    }
    add(responses, "500", "Internal");
    add(responses, "503", "ServiceUnavailable");
    responses.getAPIResponses().values().stream()
        .filter(r -> r.getRef() != null)
        .forEach(r -> r.setDescription(null));
    return operation;
  }

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    StatisticsSchemas.arraysOfRows(openApi);
  }

  private static void add(APIResponses responses, String status, String name) {
    if (!responses.hasAPIResponse(status)) {
      responses.addAPIResponse(
          status, OASFactory.createAPIResponse().ref("#/components/responses/" + name));
    }
  }
}
