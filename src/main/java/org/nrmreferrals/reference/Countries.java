package org.nrmreferrals.reference;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * ISO 3166-1 alpha-2 countries with English names, from the JDK's maintained locale data, plus
 * Kosovo ({@code XK}, user-assigned) which appears in real NRM data.
 */
public final class Countries {
  private static final Map<String, String> NAMES = new TreeMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      NAMES.put(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH));
    }
    NAMES.put("XK", "Kosovo");
  }

  private Countries() {}

  public static boolean isCountry(String code) {
    return code != null && NAMES.containsKey(code);
  }

  /** English name of a known code, null for an unknown one. */
  public static String name(String code) {
    return NAMES.get(code);
  }

  /** Every known code, in code order. */
  public static List<String> codes() {
    return List.copyOf(NAMES.keySet());
  }

  static List<CountryView> all() {
    return NAMES.entrySet().stream().map(e -> new CountryView(e.getKey(), e.getValue())).toList();
  }
}
