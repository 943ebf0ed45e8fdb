package org.nrmreferrals.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Bench data, not a test: migrates a database of its own and extends its audit chain to the given
 * length with valid events (digests and links computed by {@link AuditChain}, as the service
 * computes them), about referrals of one agency, so that the packaged service can be timed
 * verifying the chain and serving the feed. {@code bench/run} calls it: {@code ChainFill JDBC_URL
 * EVENTS}.
 */
public final class ChainFill {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String AGENCY = "POLICE_METROPOLITAN";
  private static final String[] STATUSES = {
    "SUBMITTED", "RG_POSITIVE", "RECOVERY_PERIOD", "CG_POSITIVE", "RG_NEGATIVE", "WITHDRAWN"
  };

  private ChainFill() {}

  /** Creates the URL's database if the server has none of that name, as on a fresh machine. */
  private static void createIfMissing(String url) throws SQLException {
    int slash = url.lastIndexOf('/');
    String database = url.substring(slash + 1).replaceAll("\\?.*", "");
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Not a plain database name: " + database);
    }
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setUrl(url.substring(0, slash + 1) + "postgres");
    admin.setUser("postgres");
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
      if (!rs.next()) {
        s.execute("CREATE DATABASE " + database);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(args[0]);
    ds.setUser("postgres");
    long events = Long.parseLong(args[1]);
    createIfMissing(args[0]);
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    ObjectMapper json = new ObjectMapper();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      ResultSet head = s.executeQuery("SELECT seq, hash FROM audit_head FOR UPDATE");
      head.next();
      long seq = head.getLong(1);
      String prevHash = head.getString(2);
      if (seq >= events) {
        c.rollback();
        System.out.printf("the chain already holds %d events%n", seq);
        return;
      }
      long started = System.nanoTime();
      // One referral for every ten events, as a partner's referrals accumulate history.
      List<UUID> referrals = new ArrayList<>();
      ResultSet ids =
          s.executeQuery(
              """
              INSERT INTO referral (id, reference, kind, status, jurisdiction, agency_code,
                  submitted_by, submitted_at, gender, nationalities, age_at_exploitation,
                  exploitation_types, county_lines, exploitation_location,
                  indicator_catalogue_version, status_since, rg_decision_target_date,
                  competent_authority, age_group_at_referral)
              SELECT gen_random_uuid(), 'CHAIN-' || g || '-' || %d, 'NRM', 'SUBMITTED',
                  'ENGLAND_AND_WALES', '%s', 'bench', now(), 'FEMALE', '{AL}', 'ADULT',
                  '{LABOUR}', false, 'UK', 1, now(), current_date + 5, 'SCA', 'ADULT'
              FROM generate_series(1, %d) g RETURNING id
              """
                  .formatted(seq, AGENCY, Math.max(1, (events - seq) / 10)));
      while (ids.next()) {
        referrals.add(ids.getObject(1, UUID.class));
      }
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      String columns =
          "seq, occurred_at, action, referral_id, agency_code, actor, actor_role, actor_agency,"
              + " actor_salt, actor_digest, from_status, to_status, request_id, details,"
              + " event_digest, prev_hash, hash";
      Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(events);
      StringBuilder batch = new StringBuilder();
      while (seq < events) {
        seq++;
        UUID referral = referrals.get((int) (seq % referrals.size()));
        int step = (int) (seq / referrals.size()) % STATUSES.length;
        String salt = salt();
        ObjectNode details = json.createObjectNode();
        details.put("kind", "NRM");
        details.put("jurisdiction", "ENGLAND_AND_WALES");
        AuditRecord r =
            new AuditRecord(
                seq,
                at.plusMillis(seq),
                step == 0 ? "referral.submitted" : "referral.status_changed",
                referral,
                AGENCY,
                step == 0 ? "bench-partner" : "bench-caseworker",
                step == 0 ? "partner" : "caseworker",
                step == 0 ? AGENCY : "SCA",
                salt,
                AuditChain.actorDigest(salt, step == 0 ? "bench-partner" : "bench-caseworker"),
                step == 0 ? null : STATUSES[step - 1],
                STATUSES[step],
                UUID.randomUUID().toString(),
                details,
                null,
                prevHash,
                null);
        String digest = AuditChain.eventDigest(r);
        String hash = AuditChain.link(prevHash, digest);
        batch
            .append(seq)
            .append(',')
            .append(AuditChain.timestamp(r.occurredAt()))
            .append(',')
            .append(r.action())
            .append(',')
            .append(referral)
            .append(',')
            .append(AGENCY)
            .append(',')
            .append(r.actor())
            .append(',')
            .append(r.actorRole())
            .append(',')
            .append(r.actorAgency())
            .append(',')
            .append(salt)
            .append(',')
            .append(r.actorDigest())
            .append(',')
            .append(r.fromStatus() == null ? "" : r.fromStatus())
            .append(',')
            .append(r.toStatus())
            .append(',')
            .append(r.requestId())
            .append(",\"")
            .append(json.writeValueAsString(details).replace("\"", "\"\""))
            .append("\",")
            .append(digest)
            .append(',')
            .append(prevHash)
            .append(',')
            .append(hash)
            .append('\n');
        prevHash = hash;
        if (seq % 50_000 == 0 || seq == events) {
          copy.copyIn(
              "COPY audit_event (" + columns + ") FROM STDIN (FORMAT csv)",
              new StringReader(batch.toString()));
          batch.setLength(0);
        }
      }
      // The head's trigger allows one event per update, as the service appends; the fill moves it
      // once over all the events it wrote, in the same transaction.
      s.execute("ALTER TABLE audit_head DISABLE TRIGGER audit_head_forward_only");
      s.executeUpdate("UPDATE audit_head SET seq = " + seq + ", hash = '" + prevHash + "'");
      s.execute("ALTER TABLE audit_head ENABLE TRIGGER audit_head_forward_only");
      c.commit();
      // Its own transaction, committed: statistics written by an ANALYZE that rolls back are lost,
      // and the planner then takes a million rows for a few dozen.
      s.execute("ANALYZE audit_event");
      c.commit();
      System.out.printf(
          "the chain holds %d events (filled in %d s)%n",
          seq, (System.nanoTime() - started) / 1_000_000_000);
    }
  }

  private static String salt() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
