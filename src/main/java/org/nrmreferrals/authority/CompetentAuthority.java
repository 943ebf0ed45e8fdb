package org.nrmreferrals.authority;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A body that decides NRM cases. A child panel covers the children of its local authority areas
 * (agency codes of local authorities); the SCA and the IECA cover the rest.
 */
@Entity
@Table(name = "competent_authority")
public class CompetentAuthority extends PanacheEntityBase {
  @Id private String code;
  private String name;

  @Enumerated(EnumType.STRING)
  private AuthorityKind kind;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "local_authorities")
  private List<String> localAuthorities;

  private boolean active;
  @Version private long version;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected CompetentAuthority() {}

  CompetentAuthority(
      String code, String name, AuthorityKind kind, List<String> localAuthorities, Instant now) {
    this.code = code;
    this.name = name;
    this.kind = kind;
    this.localAuthorities = List.copyOf(localAuthorities);
    this.active = true;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void revise(String newName, List<String> newAreas, Boolean nowActive, Instant now) {
    if (newName != null) {
      name = newName;
    }
    if (newAreas != null) {
      localAuthorities = List.copyOf(newAreas);
    }
    if (nowActive != null) {
      active = nowActive;
    }
    updatedAt = now;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public AuthorityKind kind() {
    return kind;
  }

  public List<String> localAuthorities() {
    return localAuthorities;
  }

  public boolean isActive() {
    return active;
  }
}
