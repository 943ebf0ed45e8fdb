package org.nrmreferrals.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162's proof verification (sections 2.1.3.2 and 2.1.4.2), written from the RFC as a partner
 * would write it, with none of the service's code: what the tests check the service's proofs with.
 */
final class RfcVerify {
  private RfcVerify() {}

  private static byte[] node(byte[] left, byte[] right) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((byte) 1);
      sha.update(left);
      return sha.digest(right);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // RFC 9162, 2.1.3.2: verifying an inclusion proof.
  static boolean inclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
    if (index >= size) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = node(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = node(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, root);
  }

  // RFC 9162, 2.1.4.2: verifying a consistency proof.
  static boolean consistency(
      long first, long second, byte[] firstHash, byte[] secondHash, List<byte[]> proof) {
    if (first == second) {
      return proof.isEmpty() && Arrays.equals(firstHash, secondHash);
    }
    if (first > second || proof.isEmpty()) {
      return false;
    }
    List<byte[]> c = new ArrayList<>(proof);
    if (Long.bitCount(first) == 1) {
      c.add(0, firstHash);
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = c.get(0);
    byte[] sr = c.get(0);
    for (byte[] p : c.subList(1, c.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = node(p, fr);
        sr = node(p, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = node(sr, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash) && sn == 0;
  }
}
