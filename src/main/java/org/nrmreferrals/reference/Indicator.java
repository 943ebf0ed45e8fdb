package org.nrmreferrals.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One indicator of one catalogue version. */
@Entity
@Table(name = "indicator")
class Indicator {
  @EmbeddedId Key key;
  String label;

  @Column(name = "indicator_group")
  String group;

  @Column(name = "htcds_name")
  String htcdsName;

  /** Catalogue version and code. */
  @Embeddable
  record Key(
      @Column(name = "catalogue_version") int catalogueVersion, @Column(name = "code") String code)
      implements Serializable {}
}
