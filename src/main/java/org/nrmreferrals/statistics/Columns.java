package org.nrmreferrals.statistics;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Primitive columns written and read in bulk (a length, then the values), so that a release of a
 * million referrals is stored and loaded in well under a second rather than value by value.
 */
final class Columns {
  private Columns() {}

  static void write(DataOutputStream out, byte[] a, int n) throws IOException {
    out.writeInt(n);
    out.write(a, 0, n);
  }

  static void write(DataOutputStream out, short[] a, int n) throws IOException {
    out.writeInt(n);
    ByteBuffer b = ByteBuffer.allocate(n * 2);
    b.asShortBuffer().put(a, 0, n);
    out.write(b.array());
  }

  static void write(DataOutputStream out, int[] a, int n) throws IOException {
    out.writeInt(n);
    ByteBuffer b = ByteBuffer.allocate(n * 4);
    b.asIntBuffer().put(a, 0, n);
    out.write(b.array());
  }

  static void write(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      out.writeUTF(v);
    }
  }

  static byte[] bytes(DataInputStream in) throws IOException {
    byte[] a = new byte[in.readInt()];
    in.readFully(a);
    return a;
  }

  static short[] shorts(DataInputStream in) throws IOException {
    int n = in.readInt();
    byte[] raw = new byte[n * 2];
    in.readFully(raw);
    short[] a = new short[n];
    ByteBuffer.wrap(raw).asShortBuffer().get(a);
    return a;
  }

  static int[] ints(DataInputStream in) throws IOException {
    int n = in.readInt();
    byte[] raw = new byte[n * 4];
    in.readFully(raw);
    int[] a = new int[n];
    ByteBuffer.wrap(raw).asIntBuffer().get(a);
    return a;
  }

  static List<String> strings(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(in.readUTF());
    }
    return List.copyOf(values);
  }
}
