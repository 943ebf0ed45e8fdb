package org.nrmreferrals.statistics;

import static org.nrmreferrals.statistics.SnapshotCodes.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Codes that grow while facts are loaded (agencies, competent authorities): each gets an id in the
 * order first seen, which never changes, and a rank in code order, which the dimension's values
 * follow.
 */
final class CodeRegistry {
  private final int max;
  private final List<String> codes = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private int[] rank = new int[0];
  private List<String> sorted = List.of();

  /** A registry of at most {@code max} codes (what its column's type holds). */
  CodeRegistry(int max) {
    this.max = max;
  }

  /** A code's id, registering a code not seen before. */
  int id(String code) {
    Integer id = ids.get(code);
    if (id != null) {
      return id;
    }
    if (codes.size() == max) {
      throw new IllegalStateException("more codes than the statistics columns hold");
    }
    id = codes.size();
    codes.add(code);
    ids.put(code, id);
    rankCodes();
    return id;
  }

  int size() {
    return codes.size();
  }

  /** The codes in code order: the dimension's values. */
  List<String> sorted() {
    return sorted;
  }

  /** Each id's place in code order. */
  int[] rank() {
    return rank;
  }

  private void rankCodes() {
    List<String> inOrder = new ArrayList<>(codes);
    inOrder.sort(null);
    sorted = List.copyOf(inOrder);
    Map<String, Integer> places = index(sorted);
    rank = new int[codes.size()];
    for (int i = 0; i < rank.length; i++) {
      rank[i] = places.get(codes.get(i));
    }
  }

  void write(DataOutputStream out) throws IOException {
    Columns.write(out, codes);
  }

  static CodeRegistry read(DataInputStream in, int max) throws IOException {
    CodeRegistry r = new CodeRegistry(max);
    for (String code : Columns.strings(in)) {
      r.id(code);
    }
    return r;
  }
}
