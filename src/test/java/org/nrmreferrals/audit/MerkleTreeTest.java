package org.nrmreferrals.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tree's arithmetic against RFC 9162 itself: roots as the RFC's recursive definition computes
 * them with no tiles, and every proof checked by the RFC's verification algorithms (sections
 * 2.1.3.2 and 2.1.4.2, written here from the RFC, as a partner would), with and without tiles.
 */
class MerkleTreeTest {
  private static final HexFormat HEX = HexFormat.of();
  private final MessageDigest sha = AuditChain.sha256();

  /** Leaves and, optionally, every tile of them, in memory. */
  private static final class InMemory implements MerkleTree.Nodes {
    final List<byte[]> leaves = new ArrayList<>();
    final Map<String, byte[]> tiles = new HashMap<>();

    @Override
    public byte[] leafInput(long index) {
      return leaves.get((int) index);
    }

    @Override
    public byte[] tile(int level, long idx) {
      return tiles.get(level + "/" + idx);
    }

    void tileEverything(MessageDigest sha) {
      for (int level = 8; (1L << level) <= leaves.size(); level += 8) {
        long size = 1L << level;
        for (long idx = 0; (idx + 1) * size <= leaves.size(); idx++) {
          tiles.put(level + "/" + idx, MerkleTree.root(this, idx * size, size, sha));
        }
      }
    }
  }

  private static InMemory tree(int n, long seed) {
    Random random = new Random(seed);
    InMemory tree = new InMemory();
    for (int i = 0; i < n; i++) {
      byte[] digest = new byte[32];
      random.nextBytes(digest);
      tree.leaves.add(digest);
    }
    return tree;
  }

  /** MTH as RFC 9162 defines it, over a list, with nothing stored. */
  private byte[] mth(List<byte[]> leaves) {
    if (leaves.size() == 1) {
      return MerkleTree.leafHash(leaves.get(0), sha);
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    return MerkleTree.nodeHash(
        mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())), sha);
  }

  @Test
  void theRootOfAKnownTreeIsTheRfcsRoot() {
    // RFC 6962's test tree as transparency-dev/merkle's tests use it: eight leaves, the empty
    // string first. Its leaves are bytes, not digests; the arithmetic is the same.
    String[] inputs = {
      "",
      "00",
      "10",
      "2021",
      "3031",
      "40414243",
      "5051525354555657",
      "606162636465666768696a6b6c6d6e6f"
    };
    InMemory tree = new InMemory();
    for (String input : inputs) {
      tree.leaves.add(HEX.parseHex(input));
    }
    assertEquals(
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        HEX.formatHex(MerkleTree.root(tree, 0, 8, sha)));
    assertEquals(
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        HEX.formatHex(MerkleTree.leafHash(new byte[0], sha)));
  }

  @Test
  void rootsFromTilesAreTheRecomputedRoots() {
    InMemory tree = tree(70_000, 1);
    InMemory tiled = tree(70_000, 1);
    tiled.tileEverything(sha);
    assertTrue(tiled.tiles.containsKey("16/0"), "a level-16 tile exists");
    for (long size : new long[] {1, 2, 3, 255, 256, 257, 511, 65_535, 65_536, 65_537, 70_000}) {
      byte[] expected = mth(tree.leaves.subList(0, (int) size));
      assertArrayEquals(expected, MerkleTree.root(tree, 0, size, sha), "size " + size);
      assertArrayEquals(expected, MerkleTree.root(tiled, 0, size, sha), "tiled, size " + size);
    }
  }

  @Test
  void everyInclusionProofVerifiesAndNoOtherLeafDoes() {
    InMemory tree = tree(600, 2);
    tree.tileEverything(sha);
    for (int size = 1; size <= 600; size += size < 40 ? 1 : 37) {
      byte[] root = MerkleTree.root(tree, 0, size, sha);
      for (int index = 0; index < size; index += size < 40 ? 1 : 13) {
        List<byte[]> path = MerkleTree.inclusion(tree, index, size, sha);
        byte[] leaf = MerkleTree.leafHash(tree.leaves.get(index), sha);
        assertTrue(RfcVerify.inclusion(index, size, leaf, path, root), index + " in " + size);
        if (size > 1) {
          int other = (index + 1) % size;
          assertFalse(RfcVerify.inclusion(other, size, leaf, path, root), "another index");
          byte[] wrong = MerkleTree.leafHash(tree.leaves.get(other), sha);
          assertFalse(RfcVerify.inclusion(index, size, wrong, path, root), "another leaf");
        }
      }
    }
  }

  @Test
  void everyConsistencyProofVerifiesAndAForkedTreeDoesNot() {
    InMemory tree = tree(1_100, 3);
    tree.tileEverything(sha);
    for (int older = 1; older <= 1_100; older += older < 30 ? 1 : 97) {
      byte[] olderRoot = MerkleTree.root(tree, 0, older, sha);
      for (int newer = older; newer <= 1_100; newer += newer < 40 ? 1 : 151) {
        byte[] newerRoot = MerkleTree.root(tree, 0, newer, sha);
        List<byte[]> proof = MerkleTree.consistency(tree, older, newer, sha);
        assertTrue(
            RfcVerify.consistency(older, newer, olderRoot, newerRoot, proof),
            older + " → " + newer);
        if (older < newer) {
          byte[] forked = olderRoot.clone();
          forked[0] ^= 1;
          assertFalse(RfcVerify.consistency(older, newer, forked, newerRoot, proof), "forked");
        }
      }
    }
  }
}
