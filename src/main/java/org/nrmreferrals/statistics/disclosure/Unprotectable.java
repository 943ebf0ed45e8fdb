package org.nrmreferrals.statistics.disclosure;

/** A table no suppression pattern can protect: it is withheld. */
final class Unprotectable extends RuntimeException {
  Unprotectable(String message) {
    super(message, null, false, false);
  }
}
