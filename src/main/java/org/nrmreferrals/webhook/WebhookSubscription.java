package org.nrmreferrals.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A partner agency's request to be sent some of its events at a URL. The dispatcher moves the
 * cursor and failure count in SQL, so updates here write only the columns they change.
 */
@Entity
@DynamicUpdate
@Table(name = "webhook_subscription")
class WebhookSubscription extends PanacheEntityBase {
  /** How long a replaced secret keeps signing alongside the new one. */
  static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

  @Id private UUID id;

  @Column(name = "agency_code")
  private String agencyCode;

  private String url;

  @JdbcTypeCode(SqlTypes.ARRAY)
  private List<String> events;

  private String secret;

  @Column(name = "previous_secret")
  private String previousSecret;

  @Column(name = "previous_secret_expires_at")
  private Instant previousSecretExpiresAt;

  private boolean active;

  @Column(name = "disabled_reason")
  private String disabledReason;

  @Column(name = "cursor_seq")
  private long cursorSeq;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Version private long version;

  protected WebhookSubscription() {}

  /** A new, active subscription that starts after the event {@code fromSeq}. */
  static WebhookSubscription create(
      String agencyCode,
      String url,
      List<String> events,
      String createdBy,
      long fromSeq,
      Instant now) {
    WebhookSubscription s = new WebhookSubscription();
    s.id = UUID.randomUUID();
    s.agencyCode = agencyCode;
    s.url = url;
    s.events = List.copyOf(events);
    s.secret = WebhookSignatures.newSecret();
    s.active = true;
    s.cursorSeq = fromSeq;
    s.createdBy = createdBy;
    s.createdAt = now;
    return s;
  }

  /** A new secret; the old one keeps signing for {@link #ROTATION_OVERLAP}. */
  void rotateSecret(Instant now) {
    previousSecret = secret;
    previousSecretExpiresAt = now.plus(ROTATION_OVERLAP);
    secret = WebhookSignatures.newSecret();
  }

  void delete(Instant now) {
    deletedAt = now;
    active = false;
  }

  UUID id() {
    return id;
  }

  String agencyCode() {
    return agencyCode;
  }

  String url() {
    return url;
  }

  List<String> events() {
    return events;
  }

  String secret() {
    return secret;
  }

  Instant previousSecretExpiresAt() {
    return previousSecretExpiresAt;
  }

  boolean isActive() {
    return active;
  }

  String disabledReason() {
    return disabledReason;
  }

  Instant createdAt() {
    return createdAt;
  }

  boolean isDeleted() {
    return deletedAt != null;
  }
}
