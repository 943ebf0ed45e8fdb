package org.nrmreferrals.audit;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks the stored Merkle tree tiles against the chain's event digests (which the chain's own
 * check has proved): every tile must be the root of its leaves, and no tile may claim leaves the
 * chain does not have. Proofs are made from tiles, so a tile altered in the database would
 * otherwise prove events that are not there.
 */
final class TreeCheck {
  private static final int BLOCK = 1 << MerkleTree.TILE_LEVELS;
  private static final HexFormat HEX = HexFormat.of();

  private TreeCheck() {}

  /**
   * What is wrong with the tiles of a chain of {@code head} events, or null; seq where it starts.
   */
  record Problem(long seq, String problem) {}

  static Problem check(Connection c, long head) throws SQLException {
    Map<Long, byte[]> stored = new HashMap<>();
    Map<Integer, Long> last = new HashMap<>();
    try (PreparedStatement q = c.prepareStatement("SELECT level, idx, hash FROM audit_tree_tile");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        int level = rs.getInt(1);
        long idx = rs.getLong(2);
        if (((idx + 1) << level) > head) {
          return new Problem(
              (idx << level) + 1, "a Merkle tree tile claims events the chain does not have");
        }
        stored.put(key(level, idx), rs.getBytes(3));
        last.merge(level, idx, Math::max);
      }
    }
    if (stored.isEmpty()) {
      return null;
    }
    MessageDigest sha = AuditChain.sha256();
    // Level by level: the hashes of the level's subtrees completed so far, not yet combined.
    List<List<byte[]>> pending = new ArrayList<>();
    List<byte[]> leaves = new ArrayList<>(BLOCK);
    long index = 0;
    try (PreparedStatement q =
        c.prepareStatement("SELECT event_digest FROM audit_event WHERE seq <= ? ORDER BY seq")) {
      q.setLong(1, head);
      q.setFetchSize(10_000);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          leaves.add(MerkleTree.leafHash(HEX.parseHex(rs.getString(1)), sha));
          index++;
          if (leaves.size() == BLOCK) {
            Problem p =
                complete(
                    MerkleTree.TILE_LEVELS, (index >>> 8) - 1, leaves, pending, stored, last, sha);
            if (p != null) {
              return p;
            }
            leaves = new ArrayList<>(BLOCK);
          }
        }
      }
    }
    return null;
  }

  /** Combines 256 hashes of one level below into the tile {@code idx} of {@code level}. */
  private static Problem complete(
      int level,
      long idx,
      List<byte[]> children,
      List<List<byte[]>> pending,
      Map<Long, byte[]> stored,
      Map<Integer, Long> last,
      MessageDigest sha) {
    List<byte[]> nodes = children;
    while (nodes.size() > 1) {
      List<byte[]> up = new ArrayList<>(nodes.size() / 2);
      for (int i = 0; i < nodes.size(); i += 2) {
        up.add(MerkleTree.nodeHash(nodes.get(i), nodes.get(i + 1), sha));
      }
      nodes = up;
    }
    byte[] root = nodes.get(0);
    byte[] tile = stored.get(key(level, idx));
    if (tile == null || !Arrays.equals(tile, root)) {
      // A missing tile is one the sequencer has not caught up on yet only if none follows it.
      if (tile != null || idx < last.getOrDefault(level, -1L)) {
        return new Problem(
            (idx << level) + 1,
            "the Merkle tree tile of level " + level + " at " + idx + " does not match the events");
      }
    }
    int slot = level / MerkleTree.TILE_LEVELS - 1;
    while (pending.size() <= slot) {
      pending.add(new ArrayList<>(BLOCK));
    }
    List<byte[]> siblings = pending.get(slot);
    siblings.add(root);
    if (siblings.size() == BLOCK) {
      pending.set(slot, new ArrayList<>(BLOCK));
      return complete(
          level + MerkleTree.TILE_LEVELS, idx >>> 8, siblings, pending, stored, last, sha);
    }
    return null;
  }

  private static long key(int level, long idx) {
    return ((long) level << 56) | idx;
  }
}
