package org.nrmreferrals.statistics;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Each record's fixed random key for the cell-key method: the first 32 bits of an HMAC-SHA256,
 * under the database's statistics secret, of what the record is (a referral's id, a decision's
 * audit seq, a request's id). The same record always has the same key, in every instance and
 * release; without the secret, a key cannot be worked out from an id. Not thread-safe: one per
 * loader.
 */
final class RecordKeys {
  private static final byte REFERRAL = 1;
  private static final byte DECISION = 2;
  private static final byte CASE_EVENT = 3;

  private final Mac mac;
  private final ByteBuffer input = ByteBuffer.allocate(17);

  RecordKeys(byte[] secret) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** The keys under the database's statistics secret. */
  static RecordKeys of(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT secret FROM statistics_secret");
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("the statistics secret is missing (see V21)");
      }
      return new RecordKeys(rs.getBytes(1));
    }
  }

  int referral(UUID id) {
    return key(REFERRAL, id.getMostSignificantBits(), id.getLeastSignificantBits());
  }

  int decision(long auditSeq) {
    return key(DECISION, auditSeq, 0);
  }

  /** A reconsideration request's or a disqualification's key, by its id. */
  int caseEvent(UUID id) {
    return key(CASE_EVENT, id.getMostSignificantBits(), id.getLeastSignificantBits());
  }

  private int key(byte kind, long a, long b) {
    input.clear();
    input.put(kind).putLong(a).putLong(b);
    byte[] digest = mac.doFinal(input.array());
    return ByteBuffer.wrap(digest).getInt();
  }
}
