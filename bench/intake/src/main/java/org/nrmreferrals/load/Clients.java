package org.nrmreferrals.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Well-behaved partner and caseworker clients for the fault tests (bench/faults): each thread
 * submits a referral under a fresh Idempotency-Key and, whatever goes wrong (503, a refused or cut
 * connection), retries the same body with the same key until it is answered 201; then, as a
 * caseworker, reads it and records a positive reasonable-grounds decision with its ETag, and now
 * and then reads the feed. Requests rotate over the given service instances.
 *
 * <p>{@code Clients BASES PARTNER_JWT CASEWORKER_JWT SECONDS THREADS OUT_DIR} writes
 * OUT_DIR/acknowledged.txt (key and referral id of every 201), OUT_DIR/receipts.txt (the
 * Audit-Receipt of every 201), OUT_DIR/attempts.csv (every
 * attempt: epoch ms, kind, status or -1 for a connection failure, whether a 503 came as
 * problem+json with Retry-After) and OUT_DIR/clients.json (counts).
 */
public final class Clients {
  private static final String[] GIVEN = {"Ana", "Mihai", "Thi", "Blessing", "Arben", "Olena"};
  private static final String[] FAMILY = {"Popescu", "Nguyen", "Okafor", "Hoxha", "Mensah", "Tran"};
  private static final String[] NATIONALITY = {"AL", "VN", "GB", "RO", "ER", "NG", "SD", "CN"};

  private final List<String> bases;
  private final String partner;
  private final String caseworker;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  private final java.util.Queue<String> receipts = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final List<String> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong next = new AtomicLong();

  private Clients(List<String> bases, String partner, String caseworker) {
    this.bases = bases;
    this.partner = partner;
    this.caseworker = caseworker;
  }

  public static void main(String[] args) throws Exception {
    Clients clients =
        new Clients(
            List.of(args[0].split(",")),
            Files.readString(Path.of(args[1])).trim(),
            Files.readString(Path.of(args[2])).trim());
    long seconds = Long.parseLong(args[3]);
    int threads = Integer.parseInt(args[4]);
    Path out = Path.of(args[5]);
    Files.createDirectories(out);
    long deadline = System.currentTimeMillis() + seconds * 1000;
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> clients.work(deadline), "client-" + i);
      t.start();
      workers.add(t);
    }
    for (Thread t : workers) {
      t.join();
    }
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("acknowledged.txt")))) {
      clients.acknowledged.forEach((key, id) -> w.println(key + " " + id));
    }
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("receipts.txt")))) {
      clients.receipts.forEach(w::println);
    }
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("attempts.csv")))) {
      synchronized (clients.attempts) {
        clients.attempts.forEach(w::println);
      }
    }
    Map<String, Long> sorted = new TreeMap<>();
    clients.counts.forEach((k, v) -> sorted.put(k, v.get()));
    sorted.put("acknowledged", (long) clients.acknowledged.size());
    StringBuilder json = new StringBuilder("{");
    sorted.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k)
        .append("\":").append(v));
    Files.writeString(out.resolve("clients.json"), json.append("}\n"));
    System.out.print(json);
    System.exit(0);
  }

  private void work(long deadline) {
    while (System.currentTimeMillis() < deadline) {
      String key = UUID.randomUUID().toString();
      String body = body(key);
      HttpResponse<String> created = null;
      // The same body under the same key until it is acknowledged, as a partner system would.
      while (created == null) {
        HttpResponse<String> r =
            send("submit", post("/api/v1/referrals", partner, body).header("Idempotency-Key", key));
        if (r != null && r.statusCode() == 201) {
          created = r;
        } else if (r != null && r.statusCode() < 500 && r.statusCode() != 429) {
          count("submit.refused"); // a 4xx other than 429: a bug in this client or the service
          break;
        } else {
          pause();
        }
      }
      if (created == null) {
        continue;
      }
      String location = created.headers().firstValue("Location").orElseThrow();
      String id = location.substring(location.lastIndexOf('/') + 1);
      acknowledged.put(key, id);
      created.headers().firstValue("Audit-Receipt").ifPresent(receipts::add);
      String etag = created.headers().firstValue("ETag").orElse("");
      send("read", get("/api/v1/referrals/" + id, caseworker));
      send(
          "decide",
          post("/api/v1/referrals/" + id + "/transitions", caseworker, "{\"to\":\"RG_POSITIVE\"}")
              .header("If-Match", etag));
      if (ThreadLocalRandom.current().nextInt(10) == 0) {
        send("feed", get("/api/v1/events?limit=100", partner));
      }
    }
  }

  private HttpResponse<String> send(String kind, HttpRequest.Builder request) {
    int status = -1;
    boolean proper = false;
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      status = r.statusCode();
      if (status == 503) {
        proper =
            r.headers().firstValue("Retry-After").isPresent()
                && r.headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .startsWith("application/problem+json");
      }
      count(kind + "." + status);
      if (status >= 500 && status != 503) {
        count("unexpected5xx");
      }
      if (status == 503 && !proper) {
        count("improper503");
      }
      return r;
    } catch (IOException e) {
      count(kind + ".connectionFailed");
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      attempts.add(System.currentTimeMillis() + "," + kind + "," + status + "," + proper);
    }
  }

  private void count(String what) {
    counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpRequest.Builder post(String path, String token, String body) {
    return request(path, token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpRequest.Builder get(String path, String token) {
    return request(path, token).GET();
  }

  private HttpRequest.Builder request(String path, String token) {
    String base = bases.get((int) (next.getAndIncrement() % bases.size()));
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token);
  }

  private static String body(String key) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String nationality = NATIONALITY[r.nextInt(NATIONALITY.length)];
    return String.format(
        Locale.ROOT,
        "{\"kind\":\"NRM\",\"jurisdiction\":\"ENGLAND_AND_WALES\",\"externalReference\":\"FAULT-%s\","
            + "\"potentialVictim\":{\"givenName\":\"%s\",\"familyName\":\"%s\","
            + "\"dateOfBirth\":\"%d-0%d-1%d\",\"gender\":\"%s\",\"nationalities\":[\"%s\"],"
            + "\"countryOfOrigin\":\"%s\",\"languages\":[\"en\"],\"interpreterNeeded\":false},"
            + "\"ageAtExploitation\":\"ADULT\",\"exploitation\":{\"types\":[\"LABOUR\"],"
            + "\"countyLines\":false,\"location\":\"UK\",\"policeForce\":\"METROPOLITAN\"},"
            + "\"indicators\":[\"DEBT_BONDAGE\",\"TAKES_EARNINGS\",\"LIVES_AT_WORKPLACE\"],"
            + "\"consent\":{\"referral\":true,\"support\":true,\"policeContact\":false},"
            + "\"account\":\"Found at a car wash on a welfare visit.\"}",
        key,
        GIVEN[r.nextInt(GIVEN.length)],
        FAMILY[r.nextInt(FAMILY.length)],
        1960 + r.nextInt(45),
        1 + r.nextInt(9),
        r.nextInt(10),
        r.nextBoolean() ? "FEMALE" : "MALE",
        nationality,
        nationality);
  }
}
