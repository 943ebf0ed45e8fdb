package org.nrmreferrals.audit;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The Merkle tree's hashes on one connection: leaf inputs (event digests) and stored tiles, read a
 * block of 256 at a time and kept for the life of this object (one proof, or one sequencer batch);
 * and the tiles the sequencer adds as subtrees fill up.
 */
final class TreeTiles implements MerkleTree.Nodes {
  private static final int BLOCK = 1 << MerkleTree.TILE_LEVELS;
  private static final String LEAVES =
      "SELECT seq, event_digest FROM audit_event WHERE seq > ? AND seq <= ? ORDER BY seq";
  private static final String TILES =
      "SELECT idx, hash FROM audit_tree_tile WHERE level = ? AND idx >= ? AND idx < ?";
  private static final String STORE =
      "INSERT INTO audit_tree_tile (level, idx, hash) VALUES (?, ?, ?)";
  private static final String BUILT =
      "SELECT coalesce(max(idx) + 1, 0) FROM audit_tree_tile WHERE level = ?";
  private static final HexFormat HEX = HexFormat.of();

  private final Connection connection;
  private final Map<Long, byte[][]> leafBlocks = new HashMap<>();
  private final Map<Long, byte[][]> tileBlocks = new HashMap<>();

  TreeTiles(Connection connection) {
    this.connection = connection;
  }

  @Override
  public byte[] leafInput(long index) {
    byte[][] block = leafBlocks.computeIfAbsent(index / BLOCK, this::readLeaves);
    byte[] digest = block[(int) (index % BLOCK)];
    if (digest == null) {
      throw new IllegalStateException("no event at seq " + (index + 1));
    }
    return digest;
  }

  @Override
  public byte[] tile(int level, long idx) {
    // Blocks of 256 tiles of one level, keyed by level and block number.
    long key = ((long) level << 56) | (idx / BLOCK);
    return tileBlocks.computeIfAbsent(key, k -> readTiles(level, idx / BLOCK))[(int) (idx % BLOCK)];
  }

  /**
   * Stores the tiles of every subtree completed between trees of {@code from} and {@code to}
   * leaves, level by level (a level's tiles are made from the level below's). Returns the number of
   * leaves now covered by level-8 tiles.
   */
  long extend(long to, long maxBlocks, MessageDigest sha) throws SQLException {
    long covered = 0;
    long limit = to;
    for (int level = MerkleTree.TILE_LEVELS;
        (1L << level) <= limit;
        level += MerkleTree.TILE_LEVELS) {
      long size = 1L << level;
      long built = built(level);
      long complete = limit / size;
      if (level == MerkleTree.TILE_LEVELS) {
        complete = Math.min(complete, built + maxBlocks);
        covered = complete * size;
        limit = covered; // higher levels only over what this level covers
      }
      try (PreparedStatement store = connection.prepareStatement(STORE)) {
        for (long idx = built; idx < complete; idx++) {
          byte[] hash = MerkleTree.root(this, idx * size, size, sha);
          store.setInt(1, level);
          store.setLong(2, idx);
          store.setBytes(3, hash);
          store.addBatch();
          remember(level, idx, hash);
        }
        store.executeBatch();
      }
    }
    return covered;
  }

  private void remember(int level, long idx, byte[] hash) {
    long key = ((long) level << 56) | (idx / BLOCK);
    byte[][] block = tileBlocks.get(key);
    if (block != null) {
      block[(int) (idx % BLOCK)] = hash;
    }
  }

  /** The leaves covered by level-8 tiles: complete blocks of 256 from the first. */
  long covered() throws SQLException {
    return built(MerkleTree.TILE_LEVELS) << MerkleTree.TILE_LEVELS;
  }

  private long built(int level) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(BUILT)) {
      query.setInt(1, level);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private byte[][] readLeaves(long block) {
    byte[][] digests = new byte[BLOCK][];
    try (PreparedStatement query = connection.prepareStatement(LEAVES)) {
      query.setLong(1, block * BLOCK);
      query.setLong(2, (block + 1) * BLOCK);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          digests[(int) ((rs.getLong(1) - 1) % BLOCK)] = HEX.parseHex(rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the events' digests failed", e);
    }
    return digests;
  }

  private byte[][] readTiles(int level, long block) {
    byte[][] tiles = new byte[BLOCK][];
    try (PreparedStatement query = connection.prepareStatement(TILES)) {
      query.setInt(1, level);
      query.setLong(2, block * BLOCK);
      query.setLong(3, (block + 1) * BLOCK);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          tiles[(int) (rs.getLong(1) % BLOCK)] = rs.getBytes(2);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the tree's tiles failed", e);
    }
    return tiles;
  }
}
