package org.nrmreferrals.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Health and metrics, on the management interface only. */
@QuarkusTest
class HealthTest {
  @TestHTTPResource(value = "health/ready", management = true)
  URL ready;

  @TestHTTPResource(value = "health/live", management = true)
  URL live;

  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @Test
  void reportsTheDatabaseInReadiness() throws IOException {
    given()
        .get(ready)
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
    given().get(live).then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void servesMetricsForTheScraper() {
    given()
        .get(metrics)
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
  }

  @Test
  void servesNeitherHealthNorMetricsOnThePublicPort() {
    for (String path :
        new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics"}) {
      given().get(path).then().statusCode(404);
    }
    given().get("/q/openapi").then().statusCode(200); // the contract stays public
  }
}
