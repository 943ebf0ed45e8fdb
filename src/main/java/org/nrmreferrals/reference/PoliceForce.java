package org.nrmreferrals.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A UK police force area, seeded by migration; read-only. */
@Entity
@Table(name = "police_force")
public class PoliceForce extends PanacheEntityBase {
  @Id private String code;
  private String name;
  private String nation;

  protected PoliceForce() {}

  public static boolean exists(String code) {
    return code != null && findById(code) != null;
  }

  PoliceForceView view() {
    return new PoliceForceView(code, name, nation);
  }
}
