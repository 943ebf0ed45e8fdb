package org.nrmreferrals.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Function;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 (JCS) bytes of a Jackson tree, written straight from the tree.
 *
 * <p>The erdtman library canonicalizes JSON <em>text</em>: the tree would be written by Jackson,
 * parsed again by the library and written a third time, which was two thirds of the time the
 * chain's verification took over a million events. This walks the tree once and produces the
 * library's bytes exactly: keys sorted by UTF-16 code units (Java's {@link String#compareTo}),
 * strings escaped as the library does, numbers formatted by the library's own {@link NumberToJSON}
 * (the ECMAScript rules, the hard part of JCS), UTF-8 at the end. Any node kind the audit trail
 * never holds (binary, POJO) goes through the library. {@code CanonicalJsonTest} compares the two
 * on random trees.
 *
 * <p>The bytes are written straight into a byte array: ASCII as it is, other characters through
 * {@link String#getBytes} a run at a time (so a lone surrogate becomes {@code ?}, as it did when
 * the whole text was encoded at the end). No intermediate {@code String} is made.
 */
final class CanonicalJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whole numbers up to 2^53 are exact doubles, which ECMAScript writes as plain digits. */
  private static final long EXACT = 1L << 53;

  private CanonicalJson() {}

  static byte[] of(JsonNode node) {
    Utf8 out = new Utf8(512);
    try {
      write(node, out);
    } catch (IOException e) {
      throw new IllegalArgumentException("Not canonicalizable JSON: " + e.getMessage(), e);
    }
    return out.bytes();
  }

  /**
   * An object's fields in canonical order (a {@link java.util.TreeMap}'s: UTF-16 order), each read
   * from the source as a string, a whole number, a JSON tree or null. The names are written once,
   * here, with the punctuation before each value.
   */
  static final class Fields<T> {
    private final byte[][] names;
    private final List<Function<T, Object>> values;

    Fields(SortedMap<String, Function<T, Object>> fields) {
      names = new byte[fields.size()][];
      values = List.copyOf(fields.values());
      int i = 0;
      for (String name : fields.keySet()) {
        Utf8 out = new Utf8(64);
        out.ascii(i == 0 ? '{' : ',');
        string(name, out);
        out.ascii(':');
        names[i++] = out.bytes();
      }
    }
  }

  static <T> byte[] of(Fields<T> fields, T source) {
    Utf8 out = new Utf8(768);
    try {
      for (int i = 0; i < fields.names.length; i++) {
        out.raw(fields.names[i], 0, fields.names[i].length);
        Object value = fields.values.get(i).apply(source);
        if (value == null) {
          out.ascii("null");
        } else if (value instanceof String text) {
          string(text, out);
        } else if (value instanceof Long || value instanceof Integer) {
          whole(((Number) value).longValue(), out);
        } else if (value instanceof JsonNode node) {
          write(node, out);
        } else {
          throw new IllegalArgumentException("Not a canonical field value: " + value.getClass());
        }
      }
      out.ascii(fields.names.length == 0 ? "{}" : "}");
    } catch (IOException e) {
      throw new IllegalArgumentException("Not canonicalizable JSON: " + e.getMessage(), e);
    }
    return out.bytes();
  }

  private static void write(JsonNode node, Utf8 out) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>(node.size());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
          names.add(it.next());
        }
        names.sort(null);
        out.ascii('{');
        for (int i = 0; i < names.size(); i++) {
          if (i > 0) {
            out.ascii(',');
          }
          string(names.get(i), out);
          out.ascii(':');
          write(node.get(names.get(i)), out);
        }
        out.ascii('}');
      }
      case ARRAY -> {
        out.ascii('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.ascii(',');
          }
          write(node.get(i), out);
        }
        out.ascii(']');
      }
      case STRING -> string(node.textValue(), out);
      case NUMBER -> {
        if (node.canConvertToExactIntegral() && node.canConvertToLong()) {
          whole(node.longValue(), out);
        } else {
          // The library reads a number's text as a double: the same double, from the same text.
          out.ascii(NumberToJSON.serializeNumber(Double.parseDouble(node.asText())));
        }
      }
      case BOOLEAN -> out.ascii(node.booleanValue() ? "true" : "false");
      case NULL -> out.ascii("null");
      default -> viaLibrary(node, out);
    }
  }

  /** A whole number as the library writes its double: plain digits while the double is exact. */
  private static void whole(long value, Utf8 out) throws IOException {
    if (value > -EXACT && value < EXACT) {
      out.ascii(Long.toString(value));
    } else {
      out.ascii(NumberToJSON.serializeNumber((double) value));
    }
  }

  /**
   * As the library escapes: the two-letter escapes, other controls as lowercase \\u00xx. The string
   * is encoded first ({@link String#getBytes} is an intrinsic copy for ASCII) and the bytes
   * scanned: every byte a UTF-8 multi-byte sequence holds is 0x80 or more, so the ASCII bytes that
   * need escaping stand for themselves, and an unescaped string is copied whole.
   */
  private static void string(String value, Utf8 out) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    int run = 0;
    out.ascii('"');
    for (int i = 0; i < utf8.length; i++) {
      byte b = utf8[i];
      if ((b >= 0 && b < 0x20) || b == '"' || b == '\\') {
        out.raw(utf8, run, i);
        run = i + 1;
        switch (b) {
          case '\n' -> out.ascii("\\n");
          case '\b' -> out.ascii("\\b");
          case '\f' -> out.ascii("\\f");
          case '\r' -> out.ascii("\\r");
          case '\t' -> out.ascii("\\t");
          case '"', '\\' -> out.ascii('\\').ascii((char) b);
          default -> {
            out.ascii("\\u00");
            out.ascii(Character.forDigit(b >> 4, 16)).ascii(Character.forDigit(b & 0xf, 16));
          }
        }
      }
    }
    out.raw(utf8, run, utf8.length);
    out.ascii('"');
  }

  /** The library takes whole documents only, so the node goes in as an array's one element. */
  private static void viaLibrary(JsonNode node, Utf8 out) throws IOException {
    byte[] array =
        new JsonCanonicalizer(JSON.writeValueAsString(JSON.createArrayNode().add(node)))
            .getEncodedUTF8();
    out.raw(array, 1, array.length - 1);
  }

  /** A growing byte array of UTF-8. */
  private static final class Utf8 {
    private byte[] bytes;
    private int length;

    Utf8(int capacity) {
      bytes = new byte[capacity];
    }

    private void room(int n) {
      if (length + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
      }
    }

    Utf8 ascii(char c) {
      room(1);
      bytes[length++] = (byte) c;
      return this;
    }

    void ascii(String text) {
      room(text.length());
      for (int i = 0; i < text.length(); i++) {
        bytes[length++] = (byte) text.charAt(i);
      }
    }

    /** Bytes from to (exclusive) of these, as they are. */
    void raw(byte[] more, int from, int to) {
      room(to - from);
      System.arraycopy(more, from, bytes, length, to - from);
      length += to - from;
    }

    byte[] bytes() {
      return Arrays.copyOf(bytes, length);
    }
  }
}
