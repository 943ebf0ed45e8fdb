package org.nrmreferrals.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

  @Test
  void reportsTheDatabaseInReadiness() {
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
            equalTo("17"));
  }

  @Test
  void reportsLiveness() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }
}
