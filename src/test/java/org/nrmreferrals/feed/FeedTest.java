package org.nrmreferrals.feed;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Sequenced;
import org.nrmreferrals.support.Tokens;

/** The change feed: scoping, paging, long polls, and no gaps while writers race. */
@QuarkusTest
class FeedTest {
  @Inject AgroalDataSource database;

  @Test
  void showsAPartnerOnlyItsOwnAgencysEventsWithoutReasons() {
    String agency = Agencies.police();
    String partner = Tokens.partner(agency);
    String cursor = head(partner);
    String mine = Referrals.submit(agency, Referrals.anAdultReferral());
    Referrals.submit(Agencies.police(), Referrals.anAdultReferral());
    String etag =
        Api.as(Tokens.caseworker())
            .get("/api/v1/referrals/" + mine)
            .then()
            .extract()
            .header("ETag");
    Api.as(partner)
        .header("If-Match", etag)
        .body(java.util.Map.of("to", "WITHDRAWN", "reason", "Consent withdrawn"))
        .post("/api/v1/referrals/" + mine + "/transitions")
        .then()
        .statusCode(200);
    Sequenced.now();
    Api.as(partner)
        .get("/api/v1/events?after=" + cursor)
        .then()
        .statusCode(200)
        .body("events.agency", everyItem(equalTo(agency)))
        .body("events.referralId", everyItem(equalTo(mine)))
        .body(
            "events.action",
            org.hamcrest.Matchers.contains(
                "referral.submitted", "referral.read", "referral.status_changed"))
        .body("events[1].actor", nullValue())
        .body("events[2].reason", nullValue());
  }

  @Test
  void letsAdminsReadEveryAgencyButNotCaseworkersOrAnalysts() {
    Api.as(Tokens.admin()).get("/api/v1/events?limit=1").then().statusCode(200);
    // The feed holds every authority's cases; a caseworker has queues and histories instead.
    Api.as(Tokens.caseworker()).get("/api/v1/events?limit=1").then().statusCode(403);
    Api.as(Tokens.analyst()).get("/api/v1/events").then().statusCode(403);
    Api.anonymous().get("/api/v1/events").then().statusCode(401);
  }

  @Test
  void refusesBadParameters() {
    String admin = Tokens.admin();
    Api.as(admin).get("/api/v1/events?limit=1001").then().statusCode(400);
    Api.as(admin).get("/api/v1/events?limit=0").then().statusCode(400);
    Api.as(admin).get("/api/v1/events?after=-1").then().statusCode(400);
    Api.as(admin).get("/api/v1/events?after=abc").then().statusCode(400);
    Api.as(admin).get("/api/v1/events?wait=31s").then().statusCode(400);
    Api.as(admin).get("/api/v1/events?wait=forever").then().statusCode(400);
    Api.as(admin).get("/api/v1/events?limit=1000").then().statusCode(200);
  }

  @Test
  void holdsALongPollUntilAnEventArrives() throws Exception {
    String agency = Agencies.police();
    String partner = Tokens.partner(agency);
    String cursor = head(partner);
    CompletableFuture<Void> later =
        CompletableFuture.runAsync(
            () -> {
              // Only once the poll is being held, so that it is the event that answers it.
              Awaitility.await()
                  .atMost(Duration.ofSeconds(10))
                  .pollInterval(Duration.ofMillis(20))
                  .until(() -> FeedResource.waiting() > 0);
              Referrals.submit(agency, Referrals.anAdultReferral());
            });
    long started = System.nanoTime();
    JsonPath page =
        Api.as(partner)
            .get("/api/v1/events?wait=20s&after=" + cursor)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    later.get();
    assertEquals("referral.submitted", page.getString("events[0].action"));
    assertTrue(millis < 15_000, "answered when the event came: " + millis + " ms");
  }

  /**
   * Eight writers race while a reader polls with small pages from the head: the reader ends with
   * every event committed after it started, each once, in seq order, with no seq missing.
   */
  @Test
  void deliversEveryCommittedEventExactlyOnceWhileWritersRace() throws Exception {
    String admin = Tokens.admin();
    long start = Long.parseLong(head(admin));
    String agency = Agencies.police();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      writers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 8; i++) {
                  String id = Referrals.submit(agency, Referrals.anAdultReferral());
                  Api.as(Tokens.partner(agency))
                      .get("/api/v1/referrals/" + id)
                      .then()
                      .statusCode(200);
                }
                return null;
              }));
    }
    List<Long> seen = new ArrayList<>();
    String cursor = Long.toString(start);
    Future<?> allDone =
        CompletableFuture.runAsync(
            () -> {
              for (Future<?> f : writers) {
                try {
                  f.get();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }
              writing.set(false);
            });
    boolean lastRound = false;
    while (true) {
      JsonPath page =
          Api.as(admin)
              // A long poll, so that the reader waits for the writers instead of spinning.
              .get("/api/v1/events?limit=7&wait=1s&after=" + cursor)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      seen.addAll(page.getList("events.seq", Long.class));
      cursor = page.getString("nextCursor");
      if (page.getList("events").isEmpty()) {
        if (lastRound) {
          break;
        }
        lastRound = !writing.get();
      }
    }
    allDone.get();
    pool.shutdown();
    List<Long> committed = seqsAfter(start);
    assertEquals(committed, seen, "every committed event once, in order");
    for (int i = 1; i < seen.size(); i++) {
      assertEquals(seen.get(i - 1) + 1, seen.get(i), "no seq is missing");
    }
    assertTrue(seen.size() >= 128, "at least the writers' own events: " + seen.size());
  }

  /** The feed's end for this caller, once everything committed so far is sequenced. */
  private static String head(String token) {
    Sequenced.now();
    String cursor = "0";
    while (true) {
      JsonPath page =
          Api.as(token)
              .get("/api/v1/events?limit=1000&after=" + cursor)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      String next = page.getString("nextCursor");
      if (page.getList("events").size() < 1000) {
        return next;
      }
      cursor = next;
    }
  }

  private List<Long> seqsAfter(long start) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement("select seq from audit_event where seq > ? order by seq")) {
      s.setLong(1, start);
      List<Long> seqs = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          seqs.add(rs.getLong(1));
        }
      }
      return seqs;
    }
  }
}
