package org.nrmreferrals.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The contract is openapi/openapi.yaml, written first and served as it is (the build copies it to
 * META-INF/openapi.yaml; no annotations are scanned). This test catches a build that serves
 * anything else. If SmallRye writes the edited file back in another form (quoting, key order), run
 * {@code UPDATE_OPENAPI=true ./mvnw verify} once and commit the file as served.
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
        "The served OpenAPI document differs from openapi/openapi.yaml; if only its form"
            + " differs, run UPDATE_OPENAPI=true ./mvnw verify and commit the file as served");
  }
}
