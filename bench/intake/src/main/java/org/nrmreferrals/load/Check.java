package org.nrmreferrals.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * After a fault test, through the API only: does the audit chain verify, is the feed gap-free
 * (every seq from 1 to the chain's head, once, in order), and was every receipt honoured (each of
 * its events proved in the log once its includeBy has passed)? {@code Check BASE ADMIN_JWT
 * [RECEIPTS_FILE]} prints {@code {"chainValid":..,"checkedEvents":..,"headSeq":..,"feedEvents":..,
 * "feedGaps":..,"receiptEvents":..,"receiptEventsNotIncluded":..}}.
 */
public final class Check {
  private static final Pattern SEQ = Pattern.compile("\\{\"seq\":(\\d+),");

  private Check() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String admin = Files.readString(Path.of(args[1])).trim();
    HttpClient http = HttpClient.newHttpClient();
    // Receipts promise inclusion within the maximum delay (1 s): give the sequencer that long.
    Thread.sleep(2_000);
    long receiptEvents = 0;
    long notIncluded = 0;
    if (args.length > 2) {
      Pattern digest = Pattern.compile("\"([0-9a-f]{64})\"");
      for (String receipt : Files.readAllLines(Path.of(args[2]))) {
        if (receipt.isBlank()) {
          continue;
        }
        String json =
            new String(
                java.util.Base64.getUrlDecoder().decode(receipt.trim()),
                java.nio.charset.StandardCharsets.UTF_8);
        String events = json.substring(json.indexOf("\"events\""), json.indexOf(']') + 1);
        Matcher d = digest.matcher(events);
        while (d.find()) {
          receiptEvents++;
          String proof = get(http, base + "/api/v1/audit/proofs/" + d.group(1), admin);
          if (!proof.contains("\"status\":\"INCLUDED\"")) {
            notIncluded++;
          }
        }
      }
    }
    String verification = get(http, base + "/api/v1/audit/verify", admin);
    boolean valid = verification.contains("\"valid\":true");
    long checked = number(verification, "checkedEvents");
    long head = number(verification, "headSeq");
    long expected = 1;
    long events = 0;
    long gaps = 0;
    long after = 0;
    while (true) {
      String page = get(http, base + "/api/v1/events?limit=1000&after=" + after, admin);
      Matcher m = SEQ.matcher(page);
      int n = 0;
      while (m.find()) {
        long seq = Long.parseLong(m.group(1));
        if (seq != expected) {
          gaps++;
        }
        expected = seq + 1;
        after = seq;
        events++;
        n++;
      }
      if (n == 0) {
        break;
      }
    }
    if (expected - 1 != head) {
      gaps++;
    }
    System.out.printf(
        "{\"chainValid\":%s,\"checkedEvents\":%d,\"headSeq\":%d,\"feedEvents\":%d,\"feedGaps\":%d,"
            + "\"receiptEvents\":%d,\"receiptEventsNotIncluded\":%d}%n",
        valid, checked, head, events, gaps, receiptEvents, notIncluded);
  }

  private static String get(HttpClient http, String url, String token) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private static long number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }
}
