package org.nrmreferrals.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Tokens;

/** The partner guide's example, scripts/verify-audit, run as a partner would run it. */
@QuarkusTest
class VerifyAuditScriptTest {
  @TestHTTPResource("/")
  URL base;

  @TempDir Path tmp;

  @Test
  void provesAppendOnlyBetweenTwoRunsAndRecomputesTheReferralsEvents() throws Exception {
    String agency = Agencies.police();
    String partner = Tokens.partner(agency);
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    Path checkpoint = tmp.resolve("checkpoint.json");

    Run first = run(partner, id, checkpoint);
    assertEquals(0, first.exit(), first.output());
    assertThat(first.output(), containsString("1 events recomputed and found in the chain"));

    String caseworker = Tokens.caseworker();
    String etag = Api.as(caseworker).get("/api/v1/referrals/" + id).then().extract().header("ETag");
    Api.as(caseworker)
        .header("If-Match", etag)
        .body(Map.of("to", "RG_POSITIVE"))
        .post("/api/v1/referrals/" + id + "/transitions")
        .then()
        .statusCode(200);

    Run second = run(partner, id, checkpoint);
    assertEquals(0, second.exit(), second.output());
    assertThat(second.output(), containsString("append-only from seq"));
    assertThat(second.output(), containsString("3 events recomputed and found in the chain"));

    Files.writeString(
        checkpoint, Files.readString(checkpoint).replaceAll("\"hash\":\"[0-9a-f]", "\"hash\":\"x"));
    Run forged = run(partner, id, checkpoint);
    assertEquals(1, forged.exit(), forged.output());
  }

  private Run run(String token, String referral, Path checkpoint) throws Exception {
    String url = base.toString().replaceAll("/$", "");
    Process p =
        new ProcessBuilder("scripts/verify-audit", url, token, referral, checkpoint.toString())
            .redirectErrorStream(true)
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("scripts/verify-audit did not finish");
    }
    return new Run(
        p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private record Run(int exit, String output) {}
}
