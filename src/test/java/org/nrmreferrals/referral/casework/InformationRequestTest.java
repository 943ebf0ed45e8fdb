package org.nrmreferrals.referral.casework;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Authorities;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/** Further information: asked by the authority, answered by the agency asked, or expired. */
@QuarkusTest
class InformationRequestTest {

  @Test
  void asksTheReferringAgencyWhichAnswersBeforeTheDueDate() {
    String council = Agencies.register("LOCAL_AUTHORITY");
    String panel = Authorities.panel(council);
    String id = Referrals.submit(council, Referrals.aChildReferral());
    String caseworker = Tokens.caseworkerOf(panel);
    String partner = Tokens.partner(council);
    String request =
        ask(caseworker, id, Map.of("question", "Where was the child found?"))
            .statusCode(201)
            .body("stage", equalTo("REASONABLE_GROUNDS"))
            .body("askedOf", equalTo(council))
            .body("dueOn", equalTo(today().plusDays(7).toString()))
            .body("state", equalTo("OPEN"))
            .extract()
            .path("id");
    Api.as(caseworker)
        .get("/api/v1/queues/information-awaited")
        .then()
        .body("items.id", contains(id));
    Api.as(partner)
        .get("/api/v1/information-requests")
        .then()
        .statusCode(200)
        .body("id", contains(request))
        .body("question", contains("Where was the child found?"));
    answer(partner, id, request, "At a car wash in the town centre.")
        .statusCode(200)
        .body("state", equalTo("ANSWERED"));
    answer(partner, id, request, "Again").statusCode(409);
    Api.as(caseworker)
        .get("/api/v1/referrals/" + id + "/information-requests")
        .then()
        .statusCode(200)
        .body("answer", contains("At a car wash in the town centre."));
    Api.as(caseworker).get("/api/v1/queues/information-awaited").then().body("items", empty());
    Api.as(partner)
        .get("/api/v1/referrals/" + id + "/history")
        .then()
        .body(
            "events.action",
            hasItems("referral.information_requested", "referral.information_provided"));
  }

  @Test
  void expiresUnansweredUntilTheCaseworkerExtendsIt() {
    String agency = Agencies.police();
    String other = Agencies.ngo();
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    String caseworker = Tokens.caseworker();
    String request =
        ask(
                caseworker,
                id,
                Map.of(
                    "question",
                    "Did you see her documents?",
                    "askedOf",
                    other,
                    "dueOn",
                    today().plusDays(2).toString()))
            .statusCode(201)
            .extract()
            .path("id");
    answer(Tokens.partner(agency), id, request, "Not asked of us").statusCode(404);
    // The referring agency sees the requests asked of it, not those asked of another agency.
    Api.as(Tokens.partner(agency))
        .get("/api/v1/referrals/" + id + "/information-requests")
        .then()
        .statusCode(200)
        .body("", empty());
    TestClock.advance(Duration.ofDays(3));
    answer(Tokens.partner(other), id, request, "Too late")
        .statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("expired"));
    Api.as(caseworker)
        .get("/api/v1/referrals/" + id + "/information-requests")
        .then()
        .body("state", contains("EXPIRED"));
    Api.as(caseworker)
        .header("If-Match", Referrals.etag(caseworker, id))
        .body(Map.of("dueOn", today().plusDays(5).toString(), "reason", "The officer is on leave"))
        .post("/api/v1/referrals/" + id + "/information-requests/" + request + "/extension")
        .then()
        .statusCode(200);
    answer(Tokens.partner(other), id, request, "Yes, the employer held them.")
        .statusCode(200)
        .body("state", equalTo("ANSWERED"));
  }

  @Test
  void refusesARequestOutsideTheStagesOrOfAnUnknownAgency() {
    String agency = Agencies.police();
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    String caseworker = Tokens.caseworker();
    ask(caseworker, id, Map.of("question", "x", "askedOf", "NO_SUCH_AGENCY"))
        .statusCode(422)
        .body("violations.field", contains("askedOf"));
    ask(caseworker, id, Map.of("question", " ")).statusCode(422);
    ask(caseworker, id, Map.of("question", "x", "dueOn", today().toString()))
        .statusCode(422)
        .body("violations.field", contains("dueOn"));
    ask(Tokens.partner(agency), id, Map.of("question", "x")).statusCode(403);
    ask(Tokens.caseworkerOf("IECA"), id, Map.of("question", "x")).statusCode(404);
    Api.as(Tokens.partner(agency))
        .header("If-Match", Referrals.etag(Tokens.partner(agency), id))
        .body(Map.of("to", "WITHDRAWN", "reason", "Withdrawn"))
        .post("/api/v1/referrals/" + id + "/transitions")
        .then()
        .statusCode(200);
    ask(caseworker, id, Map.of("question", "x")).statusCode(409);
  }

  private static ValidatableResponse ask(String token, String id, Map<String, ?> body) {
    return Api.as(token)
        .body(body)
        .post("/api/v1/referrals/" + id + "/information-requests")
        .then();
  }

  private static ValidatableResponse answer(String token, String id, String request, String text) {
    return Api.as(token)
        .body(Map.of("answer", text))
        .post("/api/v1/referrals/" + id + "/information-requests/" + request + "/answer")
        .then();
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(TestClock.now(), ZoneId.of("Europe/London"));
  }
}
