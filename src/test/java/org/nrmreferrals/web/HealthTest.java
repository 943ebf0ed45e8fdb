package org.nrmreferrals.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

  @Test
  void reportsTheDatabaseInReadiness() throws IOException {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("Database connections health check"))
        .body("checks.find { it.name == 'Database schema migrations' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'Database schema migrations' }.data.pending", equalTo(0))
        .body(
            "checks.find { it.name == 'Database schema migrations' }.data.schemaVersion",
            equalTo(newestMigration()));
  }

  /** The version of the newest migration in src/main/resources/db/migration. */
  private static String newestMigration() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      return Integer.toString(
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.matches("V[0-9]+__.*"))
              .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
              .max()
              .orElseThrow());
    }
  }

  @Test
  void reportsLiveness() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }
}
