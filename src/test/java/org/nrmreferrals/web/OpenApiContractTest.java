package org.nrmreferrals.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed contract (openapi/openapi.yaml) is exactly what the service serves. After an
 * intended API change, regenerate it with {@code UPDATE_OPENAPI=true ./mvnw verify}.
 */
@QuarkusTest
class OpenApiContractTest {
  private static final Path COMMITTED = Path.of("openapi/openapi.yaml");

  @Test
  void servesExactlyTheCommittedDocument() throws IOException {
    String served =
        given()
            .queryParam("format", "yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    if ("true".equals(System.getenv("UPDATE_OPENAPI"))) {
      Files.writeString(COMMITTED, served);
    }
    assertEquals(
        Files.readString(COMMITTED),
        served,
        "The served OpenAPI document differs from openapi/openapi.yaml;"
            + " if the change is intended, run UPDATE_OPENAPI=true ./mvnw verify and commit it");
  }
}
