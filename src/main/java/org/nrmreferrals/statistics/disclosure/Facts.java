package org.nrmreferrals.statistics.disclosure;

/**
 * The facts counted: {@code month} gives a fact's month (0 to 11), or -1 to skip it; {@code key}
 * its record key for the cell-key method (see {@link CellKeyPerturbation}).
 */
public interface Facts {
  int size();

  int month(int fact);

  int key(int fact);
}
