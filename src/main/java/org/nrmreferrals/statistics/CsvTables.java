package org.nrmreferrals.statistics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Statistics tables as RFC 4180 CSV (Apache Commons CSV): one line per row, subtotal and total,
 * with {@code ALL} in the columns of the dimensions a line sums over, and an empty count where it
 * is suppressed.
 */
final class CsvTables {
  static final String ALL = "ALL";

  private CsvTables() {}

  /**
   * @param lead columns every line has before the dimensions (such as decision)
   * @param dims the dimensions grouped by, in order (a name column follows a country's code)
   * @param values the value columns
   * @param lines rows, subtotals and totals
   */
  static String write(
      List<String> lead, List<String> dims, List<String> values, List<Map<String, Object>> lines) {
    List<String> dimColumns = new ArrayList<>();
    for (String d : dims) {
      dimColumns.add(d);
      if (d.equals("nationality")
          || d.equals("nationalities")
          || d.equals("countryOfOrigin")
          || d.equals("exploitationCombination")) {
        dimColumns.add(d + "Name");
      }
    }
    List<String> header = new ArrayList<>(lead);
    header.addAll(dimColumns);
    header.addAll(values);
    StringWriter out = new StringWriter();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (Map<String, Object> line : lines) {
        List<String> record = new ArrayList<>();
        for (String c : lead) {
          record.add(text(line.get(c)));
        }
        for (String c : dimColumns) {
          record.add(line.containsKey(c) ? text(line.get(c)) : ALL);
        }
        for (String c : values) {
          record.add(text(line.get(c)));
        }
        printer.printRecord(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Collection<?> list) {
      return String.join(";", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(value);
  }
}
