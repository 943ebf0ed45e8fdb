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
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Sequenced;
import org.nrmreferrals.support.Tokens;

/** The partner guide's example, scripts/verify-audit, run as a partner would run it. */
@QuarkusTest
class VerifyAuditScriptTest {
  @TestHTTPResource("/")
  URL base;

  @TempDir Path tmp;

  @Test
  void provesAppendOnlyBetweenTwoRunsAndTheReferralsEventsAndReceipts() throws Exception {
    String agency = Agencies.police();
    String partner = Tokens.partner(agency);
    var created =
        Api.as(partner)
            .body(Referrals.anAdultReferral())
            .post("/api/v1/referrals")
            .then()
            .statusCode(201)
            .extract();
    String id = created.path("id");
    Path checkpoint = tmp.resolve("checkpoint.json");
    Path receipts = tmp.resolve("receipts.txt");
    Files.writeString(receipts, created.header(Receipts.HEADER) + "\n");

    Run first = run(partner, id, checkpoint, receipts);
    assertEquals(0, first.exit(), first.output());
    assertThat(first.output(), containsString("1 events recomputed and proved in the log"));
    assertThat(first.output(), containsString("receipts: 1 events proved in the log"));

    String caseworker = Tokens.caseworker();
    String etag = Api.as(caseworker).get("/api/v1/referrals/" + id).then().extract().header("ETag");
    String moved =
        Api.as(caseworker)
            .header("If-Match", etag)
            .body(Map.of("to", "RG_POSITIVE"))
            .post("/api/v1/referrals/" + id + "/transitions")
            .then()
            .statusCode(200)
            .extract()
            .header(Receipts.HEADER);
    Files.writeString(receipts, moved + "\n", StandardOpenOption.APPEND);

    Run second = run(partner, id, checkpoint, receipts);
    assertEquals(0, second.exit(), second.output());
    assertThat(second.output(), containsString("append-only from seq"));
    assertThat(second.output(), containsString("3 events recomputed and proved in the log"));
    assertThat(second.output(), containsString("receipts: 2 events proved in the log"));

    // A receipt whose signature does not cover its events.
    String forged = new String(Base64.getUrlDecoder().decode(moved), StandardCharsets.UTF_8);
    forged = forged.replaceFirst("\"events\":\\[\"[0-9a-f]", "\"events\":[\"x");
    Files.writeString(
        receipts,
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
            + "\n");
    Run forgedReceipt = run(partner, id, checkpoint, receipts);
    assertEquals(1, forgedReceipt.exit(), forgedReceipt.output());
    assertThat(forgedReceipt.output(), containsString("receipt signature"));

    Files.writeString(
        checkpoint,
        Files.readString(checkpoint)
            .replaceAll("\"root\":\"[0-9a-f]{64}\"", "\"root\":\"" + "0".repeat(64) + "\""));
    Run forged2 = run(partner, id, checkpoint, null);
    assertEquals(1, forged2.exit(), forged2.output());
    assertThat(forged2.output(), containsString("does not extend"));
  }

  private Run run(String token, String referral, Path checkpoint, Path receipts) throws Exception {
    Sequenced.now(); // the script checks the chain: what the sequencer's next poll would do
    String url = base.toString().replaceAll("/$", "");
    Process p =
        new ProcessBuilder(
                "scripts/verify-audit",
                url,
                token,
                referral,
                checkpoint.toString(),
                receipts == null ? "" : receipts.toString())
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
