package org.nrmreferrals.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162's Merkle tree arithmetic (section 2.1) over the sequenced events: leaf {@code i} is the
 * event at seq {@code i + 1}, its input the event's 32-byte digest.
 *
 * <pre>
 * leaf hash  = SHA-256(0x00 ‖ eventDigest)
 * node hash  = SHA-256(0x01 ‖ left ‖ right)
 * MTH(D[n])  = node(MTH(D[0:k]), MTH(D[k:n])), k the largest power of two below n
 * </pre>
 *
 * Roots, inclusion paths and consistency proofs are the RFC's recursions. Subtrees of 2^8, 2^16 ...
 * leaves come from stored tiles when {@link Nodes} has them, so a proof over millions of events
 * reads a few hundred hashes; without tiles every hash is recomputed from the leaves, with the same
 * result.
 */
final class MerkleTree {
  /** Tiles are stored every TILE_LEVELS levels: 256 leaves (or tiles) under each. */
  static final int TILE_LEVELS = 8;

  private MerkleTree() {}

  /** Where the tree's hashes come from. */
  interface Nodes {
    /** The event digest of leaf {@code index} (the event at seq index + 1). */
    byte[] leafInput(long index);

    /** The stored root of the complete subtree {@code idx} of 2^level leaves, or null. */
    byte[] tile(int level, long idx);
  }

  static byte[] leafHash(byte[] leafInput, MessageDigest sha) {
    sha.update((byte) 0);
    return sha.digest(leafInput);
  }

  static byte[] nodeHash(byte[] left, byte[] right, MessageDigest sha) {
    sha.update((byte) 1);
    sha.update(left);
    return sha.digest(right);
  }

  /** MTH of the {@code size} leaves from {@code start}, a subtree of the RFC's recursion. */
  static byte[] root(Nodes nodes, long start, long size, MessageDigest sha) {
    if (size == 1) {
      return leafHash(nodes.leafInput(start), sha);
    }
    if (Long.bitCount(size) == 1) {
      int level = Long.numberOfTrailingZeros(size);
      if (level % TILE_LEVELS == 0 && start % size == 0) {
        byte[] stored = nodes.tile(level, start >>> level);
        if (stored != null) {
          return stored;
        }
      }
    }
    long k = split(size);
    return nodeHash(root(nodes, start, k, sha), root(nodes, start + k, size - k, sha), sha);
  }

  /** The inclusion proof of leaf {@code index} in the tree of the first {@code size} leaves. */
  static List<byte[]> inclusion(Nodes nodes, long index, long size, MessageDigest sha) {
    List<byte[]> path = new ArrayList<>();
    inclusion(nodes, index, 0, size, path, sha);
    return path;
  }

  private static void inclusion(
      Nodes nodes, long m, long start, long n, List<byte[]> path, MessageDigest sha) {
    if (n == 1) {
      return;
    }
    long k = split(n);
    if (m < k) {
      inclusion(nodes, m, start, k, path, sha);
      path.add(root(nodes, start + k, n - k, sha));
    } else {
      inclusion(nodes, m - k, start + k, n - k, path, sha);
      path.add(root(nodes, start, k, sha));
    }
  }

  /**
   * The consistency proof between the trees of the first {@code older} and {@code newer} leaves.
   */
  static List<byte[]> consistency(Nodes nodes, long older, long newer, MessageDigest sha) {
    List<byte[]> proof = new ArrayList<>();
    if (older > 0 && older < newer) {
      subproof(nodes, older, 0, newer, true, proof, sha);
    }
    return proof;
  }

  private static void subproof(
      Nodes nodes,
      long m,
      long start,
      long n,
      boolean whole,
      List<byte[]> proof,
      MessageDigest sha) {
    if (m == n) {
      if (!whole) {
        proof.add(root(nodes, start, n, sha));
      }
      return;
    }
    long k = split(n);
    if (m <= k) {
      subproof(nodes, m, start, k, whole, proof, sha);
      proof.add(root(nodes, start + k, n - k, sha));
    } else {
      subproof(nodes, m - k, start + k, n - k, false, proof, sha);
      proof.add(root(nodes, start, k, sha));
    }
  }

  /** The largest power of two smaller than n (n ≥ 2). */
  static long split(long n) {
    return Long.highestOneBit(n - 1);
  }
}
