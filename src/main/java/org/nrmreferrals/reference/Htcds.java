package org.nrmreferrals.reference;

import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The vocabulary of IOM's Human Trafficking Case Data Standard 2.0: field names (with prefix) and,
 * for picklists, their value names, read from the standard's field table ({@code
 * htcds/htcds-2.0-field-standards.tsv}, CC BY 4.0, International Organization for Migration). An
 * export names only fields and values found here; {@link #value} refuses anything else, so a typo
 * in a mapping fails its test rather than reaching a partner.
 */
@Singleton
public class Htcds {
  static final String TABLE = "htcds/htcds-2.0-field-standards.tsv";

  /** One field of the standard: its type and, for a picklist, the value names it allows. */
  public record Field(String name, String type, Set<String> values) {}

  private final Map<String, Field> fields;

  public Htcds() {
    this.fields = load();
  }

  /** The field, or an exception naming it when the standard has no such field. */
  public Field field(String name) {
    Field field = fields.get(name);
    if (field == null) {
      throw new IllegalArgumentException("HTCDS 2.0 has no field " + name);
    }
    return field;
  }

  /** {@code value}, checked to be one of the field's value names. */
  public String value(String fieldName, String value) {
    Field field = field(fieldName);
    if (!field.values().contains(value)) {
      throw new IllegalArgumentException(
          "HTCDS 2.0 field " + fieldName + " has no value " + value + "; it has " + field.values());
    }
    return value;
  }

  /** Every field name the table holds. */
  public Set<String> fieldNames() {
    return fields.keySet();
  }

  private static Map<String, Field> load() {
    InputStream in = Htcds.class.getClassLoader().getResourceAsStream(TABLE);
    if (in == null) {
      throw new IllegalStateException("missing " + TABLE);
    }
    Map<String, Field> out = new HashMap<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.split("\t", -1);
        // Columns: section, status, core, prefix, name, label, name with prefix, type,
        // Salesforce origin, value names (" | "-separated), value labels, description, notes.
        if (cells.length < 8 || !cells[6].matches("[a-z]{3}_[A-Za-z]+")) {
          continue;
        }
        if (cells[1].equals("DEPRECATED")) {
          continue;
        }
        String type = cells[7].strip();
        Set<String> values =
            type.contains("Picklist") && cells.length > 9 && cells[9].contains("|")
                ? Arrays.stream(cells[9].split("\\|"))
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .collect(Collectors.toUnmodifiableSet())
                : Set.of();
        out.put(cells[6], new Field(cells[6], type, values));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (out.size() < 50) {
      throw new IllegalStateException(TABLE + " holds only " + out.size() + " fields");
    }
    return Map.copyOf(out);
  }
}
