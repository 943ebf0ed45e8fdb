package org.nrmreferrals.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Set;

/** A UK police force area, seeded by migration; read-only. */
@Entity
@Table(name = "police_force")
public class PoliceForce extends PanacheEntityBase {
  @Id private String code;
  private String name;
  private String nation;

  protected PoliceForce() {}

  /**
   * Whether a police force has this code. The codes are read once and kept: every intake names a
   * force, and only a migration (and so a restart) changes them; a lookup through Hibernate, even
   * from its second-level cache, was 3% of an intake's CPU.
   */
  public static boolean exists(String code) {
    if (code == null) {
      return false;
    }
    Set<String> known = codes;
    if (known == null) { // read in the caller's transaction; a failure is tried again next time
      known =
          Set.copyOf(
              getEntityManager()
                  .createQuery("select p.code from PoliceForce p", String.class)
                  .getResultList());
      codes = known;
    }
    return known.contains(code);
  }

  private static volatile Set<String> codes;

  PoliceForceView view() {
    return new PoliceForceView(code, name, nation);
  }
}
