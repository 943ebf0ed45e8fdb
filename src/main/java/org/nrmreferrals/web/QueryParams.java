package org.nrmreferrals.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict parsing of query and path parameters: anything unparseable is a 400 naming it. */
public final class QueryParams {
  private static final Pattern UUID_TEXT =
      Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");

  private QueryParams() {}

  public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.malformed(
          name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  public static Boolean bool(String name, String value) {
    if (value == null) {
      return null;
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.valueOf(value);
    }
    throw ProblemException.malformed(name, "must be true or false");
  }

  public static LocalDate date(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.malformed(name, "must be a date such as 2026-01-31");
    }
  }

  public static UUID uuid(String name, String value) {
    if (value == null || !UUID_TEXT.matcher(value).matches()) {
      throw ProblemException.malformed(name, "must be a UUID");
    }
    return UUID.fromString(value);
  }

  /** A whole number of at least 0; {@code fallback} when absent. */
  public static long nonNegativeLong(String name, String value, long fallback) {
    if (value == null) {
      return fallback;
    }
    if (value.matches("[0-9]{1,18}")) {
      return Long.parseLong(value);
    }
    throw ProblemException.malformed(name, "must be a whole number of at least 0");
  }

  /** A page size between 1 and {@code max}; {@code fallback} when absent. */
  public static int limit(String value, int fallback, int max) {
    if (value == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // falls through to the refusal below
    }
    throw ProblemException.malformed("limit", "must be a whole number from 1 to " + max);
  }
}
