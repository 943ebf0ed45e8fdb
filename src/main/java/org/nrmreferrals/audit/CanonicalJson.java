package org.nrmreferrals.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 */
final class CanonicalJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CanonicalJson() {}

  static byte[] of(JsonNode node) {
    StringBuilder out = new StringBuilder(512);
    try {
      write(node, out);
    } catch (IOException e) {
      throw new IllegalArgumentException("Not canonicalizable JSON: " + e.getMessage(), e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * An object given as fields in canonical order (a {@link java.util.TreeMap}'s: UTF-16 order),
   * each read from the source: a string, a whole number, a JSON tree or null.
   */
  static <T> byte[] of(SortedMap<String, Function<T, Object>> fields, T source) {
    StringBuilder out = new StringBuilder(768);
    try {
      out.append('{');
      String separator = "";
      for (Map.Entry<String, Function<T, Object>> field : fields.entrySet()) {
        out.append(separator);
        separator = ",";
        string(field.getKey(), out);
        out.append(':');
        Object value = field.getValue().apply(source);
        if (value == null) {
          out.append("null");
        } else if (value instanceof String text) {
          string(text, out);
        } else if (value instanceof Long || value instanceof Integer) {
          out.append(NumberToJSON.serializeNumber(((Number) value).doubleValue()));
        } else if (value instanceof JsonNode node) {
          write(node, out);
        } else {
          throw new IllegalArgumentException("Not a canonical field value: " + value.getClass());
        }
      }
      out.append('}');
    } catch (IOException e) {
      throw new IllegalArgumentException("Not canonicalizable JSON: " + e.getMessage(), e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(JsonNode node, StringBuilder out) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>(node.size());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
          names.add(it.next());
        }
        names.sort(null);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          string(names.get(i), out);
          out.append(':');
          write(node.get(names.get(i)), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> string(node.textValue(), out);
      // The library reads a number's text as a double: the same double, from the same text.
      case NUMBER -> out.append(NumberToJSON.serializeNumber(Double.parseDouble(node.asText())));
      case BOOLEAN -> out.append(node.booleanValue());
      case NULL -> out.append("null");
      default -> viaLibrary(node, out);
    }
  }

  /**
   * As the library escapes: the two-letter escapes, other controls as lowercase \\u00xx; runs of
   * characters that need none are copied whole.
   */
  private static void string(String value, StringBuilder out) {
    out.append('"');
    int plain = 0;
    while (plain < value.length() && needsNoEscape(value.charAt(plain))) {
      plain++;
    }
    if (plain == value.length()) {
      out.append(value).append('"'); // the common case, copied as a whole
      return;
    }
    int run = 0;
    for (int i = plain; i < value.length(); i++) {
      char c = value.charAt(i);
      if (needsNoEscape(c)) {
        continue;
      }
      out.append(value, run, i);
      run = i + 1;
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"', '\\' -> out.append('\\').append(c);
        default -> {
          out.append("\\u00").append(Character.forDigit(c >> 4, 16));
          out.append(Character.forDigit(c & 0xf, 16));
        }
      }
    }
    out.append(value, run, value.length()).append('"');
  }

  /** The library takes whole documents only, so the node goes in as an array's one element. */
  private static boolean needsNoEscape(char c) {
    return c >= 0x20 && c != '"' && c != '\\';
  }

  private static void viaLibrary(JsonNode node, StringBuilder out) throws IOException {
    String array =
        new JsonCanonicalizer(JSON.writeValueAsString(JSON.createArrayNode().add(node)))
            .getEncodedString();
    out.append(array, 1, array.length() - 1);
  }
}
