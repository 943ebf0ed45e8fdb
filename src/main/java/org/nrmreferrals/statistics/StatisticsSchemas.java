package org.nrmreferrals.statistics;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Statistics rows are maps (their keys are the dimensions asked for), documented by the row schemas
 * of the static OpenAPI document. An annotation can only give a list field the row's reference, so
 * the document's list properties are turned into arrays of it here.
 */
public final class StatisticsSchemas {
  private static final Map<String, List<String>> LISTS =
      Map.of(
          "StatisticsTable", List.of("rows"),
          "DecisionTable", List.of("rows", "total"),
          "BacklogTable", List.of("rows"),
          "Margin", List.of("rows"),
          "DecisionMargin", List.of("rows"));

  private StatisticsSchemas() {}

  public static void arraysOfRows(OpenAPI openApi) {
    if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
      return;
    }
    LISTS.forEach(
        (name, properties) -> {
          Schema schema = openApi.getComponents().getSchemas().get(name);
          if (schema == null || schema.getProperties() == null) {
            return;
          }
          for (String property : properties) {
            Schema row = schema.getProperties().get(property);
            if (row != null && row.getRef() != null) {
              Schema array =
                  OASFactory.createSchema()
                      .addType(Schema.SchemaType.ARRAY)
                      .items(OASFactory.createSchema().ref(row.getRef()))
                      .description(row.getDescription());
              schema.addProperty(property, array);
            }
          }
        });
  }
}
