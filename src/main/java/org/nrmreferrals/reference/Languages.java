package org.nrmreferrals.reference;

import java.util.Locale;
import java.util.Set;

/** ISO 639-1 language codes known to the JDK. */
final class Languages {
  private static final Set<String> CODES = Set.of(Locale.getISOLanguages());

  private Languages() {}

  static boolean isLanguage(String code) {
    return code != null && CODES.contains(code);
  }
}
