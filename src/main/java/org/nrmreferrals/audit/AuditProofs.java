package org.nrmreferrals.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.nrmreferrals.web.ProblemException;

/**
 * Signed checkpoints and the proofs against them: that an event is in the log (inclusion), and that
 * a later log extends an earlier one (consistency), both logarithmic in the log's size (RFC 9162).
 * Each answer reads one snapshot of the chain (a repeatable-read transaction).
 */
@ApplicationScoped
class AuditProofs {
  private static final HexFormat HEX = HexFormat.of();
  private static final String HEAD = "SELECT seq FROM audit_head WHERE id";
  private static final String HASH_AT = "SELECT hash FROM audit_event WHERE seq = ?";
  private static final String SEQUENCED =
      "SELECT seq, agency_code, action FROM audit_event WHERE event_digest = ?";
  private static final String PENDING =
      "SELECT agency_code, action FROM audit_pending WHERE event_digest = ?";

  private final DataSource dataSource;
  private final AuditSigner signer;
  private final Clock clock;

  AuditProofs(DataSource dataSource, AuditSigner signer, Clock clock) {
    this.dataSource = dataSource;
    this.signer = signer;
    this.clock = clock;
  }

  /** The current head, signed: its seq, chain hash and Merkle root. */
  Checkpoint checkpoint() {
    return read(c -> checkpoint(c, head(c), AuditChain.sha256()));
  }

  /**
   * The proof that the event with this digest is in the log of {@code treeSize} events (the current
   * head when null), with the checkpoint of that size; or that it is stored but not yet sequenced.
   * {@code viewerAgency} is a partner's agency (null for callers who see every event): a partner
   * gets proofs of its own agency's events only, and a 404 for any other.
   */
  InclusionProof inclusion(String digest, Long treeSize, String viewerAgency) {
    if (digest == null || !digest.matches("[0-9a-f]{64}")) {
      throw ProblemException.malformed("eventDigest", "must be 64 lowercase hex digits");
    }
    return read(
        c -> {
          long head = head(c);
          long size = treeSize == null ? head : treeSize;
          if (size > head) {
            throw ProblemException.invalid(
                "treeSize", "is beyond the log's head, " + head + " events");
          }
          try (PreparedStatement q = c.prepareStatement(SEQUENCED)) {
            q.setString(1, digest);
            try (ResultSet rs = q.executeQuery()) {
              if (rs.next() && sees(rs.getString(2), rs.getString(3), viewerAgency)) {
                long seq = rs.getLong(1);
                if (seq > size) {
                  throw ProblemException.invalid(
                      "treeSize", "is before the event, which is at seq " + seq);
                }
                MessageDigest sha = AuditChain.sha256();
                TreeTiles tiles = tiled(c, size);
                List<String> path = hex(MerkleTree.inclusion(tiles, seq - 1, size, sha));
                return new InclusionProof(
                    digest, "INCLUDED", seq, seq - 1, size, path, checkpoint(c, size, sha));
              }
            }
          }
          try (PreparedStatement q = c.prepareStatement(PENDING)) {
            q.setString(1, digest);
            try (ResultSet rs = q.executeQuery()) {
              if (rs.next() && sees(rs.getString(1), rs.getString(2), viewerAgency)) {
                return new InclusionProof(digest, "PENDING", null, null, null, null, null);
              }
            }
          }
          throw ProblemException.notFound("No event of yours has that digest.");
        });
  }

  /**
   * The proof that the log of {@code to} events (the head when null) extends the log of {@code
   * from}, with the checkpoint of {@code to}.
   */
  ConsistencyProof consistency(long from, Long to) {
    return read(
        c -> {
          long head = head(c);
          long newer = to == null ? head : to;
          if (newer > head || from > newer) {
            throw ProblemException.invalid(
                "to", "must be at least from and at most the head, " + head + " events");
          }
          MessageDigest sha = AuditChain.sha256();
          List<String> proof = hex(MerkleTree.consistency(tiled(c, newer), from, newer, sha));
          return new ConsistencyProof(from, newer, proof, checkpoint(c, newer, sha));
        });
  }

  /** The log of {@code size} events, signed: seq, chain hash, Merkle root, time and key. */
  private Checkpoint checkpoint(Connection c, long size, MessageDigest sha) throws SQLException {
    String hash = AuditChain.GENESIS;
    if (size > 0) {
      try (PreparedStatement q = c.prepareStatement(HASH_AT)) {
        q.setLong(1, size);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          hash = rs.getString(1);
        }
      }
    }
    String root =
        size == 0
            ? HEX.formatHex(sha.digest()) // RFC 9162: the empty tree's hash is SHA-256 of nothing
            : HEX.formatHex(MerkleTree.root(tiled(c, size), 0, size, sha));
    String signedAt = AuditChain.timestamp(clock.instant().truncatedTo(ChronoUnit.MICROS));
    ObjectNode payload = AuditChain.object();
    payload.put("hash", hash);
    payload.put("keyId", signer.keyId());
    payload.put("root", root);
    payload.put("seq", size);
    payload.put("signedAt", signedAt);
    String signature =
        Base64.getEncoder().encodeToString(signer.sign(AuditChain.canonical(payload)));
    return new Checkpoint(size, hash, root, signedAt, signer.keyId(), signature);
  }

  /**
   * Whether a partner of {@code viewerAgency} (every event when null) may have an event proved: one
   * of its own agency that partners are shown, as in its feed. Others' events, and events of its
   * own requests it is not shown (a likely duplicate found at its intake), are a 404.
   */
  /**
   * The tree's hashes for a log of {@code size} events, once its tiles cover it: without them every
   * answer would hash up to the whole log (after V24, until the sequencer has tiled the events
   * written before it), so the caller is asked to come back instead.
   */
  private static TreeTiles tiled(Connection c, long size) throws SQLException {
    TreeTiles tiles = new TreeTiles(c);
    if (tiles.covered() < size / 256 * 256) {
      throw ProblemException.unavailable(
          "The audit log's Merkle tree is still being built over its earlier events; ask again"
              + " shortly.",
          5);
    }
    return tiles;
  }

  private static boolean sees(String agency, String action, String viewerAgency) {
    return viewerAgency == null
        || (viewerAgency.equals(agency)
            && Action.isWireName(action)
            && Action.ofWireName(action).partnerVisible());
  }

  private static long head(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(HEAD);
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} in a read-only repeatable-read transaction: one snapshot of the chain. */
  private <T> T read(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        return work.run(c);
      } finally {
        c.rollback();
        c.setReadOnly(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the audit log failed", e);
    }
  }
}
