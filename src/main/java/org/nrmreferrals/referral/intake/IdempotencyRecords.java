package org.nrmreferrals.referral.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.erdtman.jcs.JsonCanonicalizer;
import org.jboss.logging.Logger;
import org.nrmreferrals.Jdbc;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.protection.DataKeys;
import org.nrmreferrals.protection.DataKeys.Sealer;
import org.nrmreferrals.web.ETags;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;

/**
 * Remembers the response to each request sent with an {@code Idempotency-Key}, per agency. A repeat
 * waits on the first request's row lock, then replays its committed response.
 */
@Startup // so that a retention under 24 hours stops start-up instead of failing an intake
@ApplicationScoped
public class IdempotencyRecords {
  private static final Logger LOG = Logger.getLogger(IdempotencyRecords.class);
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final EntityManager em;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration retention;

  private static final String SEALED = "sealed:";
  private static final String PURPOSE = "idempotent-response";
  private final DataKeys keys;

  IdempotencyRecords(
      EntityManager em, ObjectMapper json, Clock clock, NrmConfig config, DataKeys keys) {
    this.keys = keys;
    this.em = em;
    this.json = json;
    this.clock = clock;
    this.retention = checkedRetention(config.idempotency().retention());
  }

  /** The retention of idempotency records, refused under a day: a retry may come that late. */
  static Duration checkedRetention(Duration retention) {
    if (retention.compareTo(Duration.ofHours(24)) < 0) {
      throw new IllegalStateException("nrm.idempotency.retention must be at least 24 hours");
    }
    return retention;
  }

  /** The header value, checked: 1 to 255 visible ASCII characters. */
  static String checkedKey(String key) {
    if (key != null && !KEY.matcher(key).matches()) {
      throw ProblemException.malformed(
          "Idempotency-Key", "must be 1 to 255 visible ASCII characters, such as a UUID");
    }
    return key;
  }

  /** SHA-256 of the request's RFC 8785 canonical JSON: equal for bodies that mean the same. */
  String fingerprint(Object request) {
    try {
      byte[] canonical = new JsonCanonicalizer(json.writeValueAsString(request)).getEncodedUTF8();
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint a request", e);
    }
  }

  /**
   * Claims the key for this request, or returns the response stored for it. Must run in the
   * transaction that will store the response.
   */
  Optional<Submission> claim(String agency, String key, String fingerprint) {
    // Plain JDBC on the transaction's connection (the table is never an entity): Hibernate's
    // native queries cost more CPU than these statements (bench/intake-profile-report.md).
    int claimed =
        Jdbc.update(
            em,
            CLAIM,
            s -> {
              s.setString(1, agency);
              s.setString(2, key);
              s.setString(3, fingerprint);
              s.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
            });
    if (claimed == 1) {
      return Optional.empty();
    }
    Stored earlier =
        Jdbc.first(
            em,
            EARLIER,
            s -> {
              s.setString(1, agency);
              s.setString(2, key);
            },
            rs -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
    if (earlier == null) { // removed since the insert met it: only an expired key is removed
      throw new IllegalStateException("an idempotency record vanished while it was claimed");
    }
    if (!fingerprint.equals(earlier.requestHash())) {
      throw new ProblemException(
          ProblemType.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was used with a different request body; use a new key.");
    }
    String body = open(earlier.body());
    return Optional.of(
        new Submission(earlier.status(), body, earlier.location(), etagOf(body), true));
  }

  private static final String CLAIM =
      "insert into idempotency_record (agency_code, idempotency_key, request_hash, created_at)"
          + " values (?, ?, ?, ?) on conflict do nothing";
  private static final String EARLIER =
      "select request_hash, response_status, response_body, location"
          + " from idempotency_record where agency_code = ? and idempotency_key = ?";

  private record Stored(String requestHash, int status, String body, String location) {}

  /** The replayed representation's ETag, as the first response sent it: from its version. */
  private String etagOf(String body) {
    try {
      JsonNode version = body == null ? null : json.readTree(body).get("version");
      return version == null || !version.canConvertToLong() ? null : ETags.of(version.asLong());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored response is always JSON", e);
    }
  }

  /** A stored response body, opened if it was sealed. */
  private String open(String stored) {
    if (stored == null || !stored.startsWith(SEALED)) {
      return stored;
    }
    int colon = stored.indexOf(':', SEALED.length());
    UUID referralId = UUID.fromString(stored.substring(SEALED.length(), colon));
    byte[] sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
    return keys.of(referralId)
        .map(sealer -> new String(sealer.open(PURPOSE, sealed), StandardCharsets.UTF_8))
        .orElseThrow(() -> new IllegalStateException("a sealed response lost its data key"));
  }

  /**
   * Stores the response of a claimed key. A response that shows personal data (the referral has a
   * data key) is stored sealed with that key, like the personal data itself.
   */
  void complete(String agency, String key, Submission response, UUID referralId, Sealer sealer) {
    String body =
        sealer == null
            ? response.body()
            : SEALED
                + referralId
                + ":"
                + Base64.getEncoder()
                    .encodeToString(
                        sealer.seal(PURPOSE, response.body().getBytes(StandardCharsets.UTF_8)));
    Jdbc.update(
        em,
        "update idempotency_record set response_status = ?, response_body = ?, location = ?"
            + " where agency_code = ? and idempotency_key = ?",
        s -> {
          s.setInt(1, response.status());
          s.setString(2, body);
          s.setString(3, response.location());
          s.setString(4, agency);
          s.setString(5, key);
        });
  }

  /**
   * After an erasure, the stored responses that showed the referral (sealed with its destroyed key)
   * are replaced by its view without personal data, so a replay still answers.
   */
  public void replaceResponses(UUID referralId, Object view) {
    em.createNativeQuery("update idempotency_record set response_body = ?2 where location = ?1")
        .setParameter(1, "/api/v1/referrals/" + referralId)
        .setParameter(2, serialize(view))
        .executeUpdate();
  }

  /** Serialized once, so a replay is byte-for-byte the first response. */
  String serialize(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize a response", e);
    }
  }

  @Scheduled(every = "1h", delayed = "1m")
  @Transactional
  void purgeExpired() {
    int purged =
        em.createNativeQuery("delete from idempotency_record where created_at < ?1")
            .setParameter(1, clock.instant().minus(retention))
            .executeUpdate();
    if (purged > 0) {
      LOG.infof("Purged %d idempotency records older than %s", purged, retention);
    }
  }
}
