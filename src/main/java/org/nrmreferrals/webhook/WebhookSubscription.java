package org.nrmreferrals.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
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

  /** What a release before V28 stored in clear, until it is sealed at start-up. */
  @Column(name = "secret")
  private String clearSecret;

  @Column(name = "previous_secret")
  private String clearPreviousSecret;

  @Column(name = "secret_kek")
  private String secretKek;

  @Column(name = "secret_sealed")
  private byte[] secretSealed;

  @Column(name = "previous_secret_sealed")
  private byte[] previousSecretSealed;

  /** The secret in clear, only in memory and only when it was just made (to show it once). */
  @Transient private String secret;

  @Column(name = "previous_secret_expires_at")
  private Instant previousSecretExpiresAt;

  private boolean active;

  @Column(name = "disabled_reason")
  private String disabledReason;

  @Column(name = "disabled_by_admin")
  private boolean disabledByAdmin;

  @Column(name = "consecutive_failures")
  private int consecutiveFailures;

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

  /** A new, active subscription that starts after the event {@code fromSeq}, its secret sealed. */
  static WebhookSubscription create(
      String agencyCode,
      String url,
      List<String> events,
      String createdBy,
      long fromSeq,
      Instant now,
      WebhookSecrets secrets) {
    WebhookSubscription s = new WebhookSubscription();
    s.id = UUID.randomUUID();
    s.agencyCode = agencyCode;
    s.url = url;
    s.events = List.copyOf(events);
    s.secret = WebhookSignatures.newSecret();
    s.secretKek = secrets.kekId();
    s.secretSealed = secrets.seal(s.id, WebhookSecrets.Slot.CURRENT, s.secret);
    s.active = true;
    s.cursorSeq = fromSeq;
    s.createdBy = createdBy;
    s.createdAt = now;
    return s;
  }

  /**
   * A new secret; the old one keeps signing for {@link #ROTATION_OVERLAP}. Both are sealed under
   * the current key.
   */
  void rotateSecret(Instant now, WebhookSecrets secrets) {
    String old =
        clearSecret != null
            ? clearSecret
            : secrets.open(id, WebhookSecrets.Slot.CURRENT, secretKek, secretSealed);
    secret = WebhookSignatures.newSecret();
    secretKek = secrets.kekId();
    secretSealed = secrets.seal(id, WebhookSecrets.Slot.CURRENT, secret);
    previousSecretSealed = secrets.seal(id, WebhookSecrets.Slot.PREVIOUS, old);
    previousSecretExpiresAt = now.plus(ROTATION_OVERLAP);
    clearSecret = null;
    clearPreviousSecret = null;
  }

  /** Disabled by an administrator: no delivery until one enables it; a redelivery does not. */
  void disableByAdmin(String reason) {
    active = false;
    disabledByAdmin = true;
    disabledReason = "disabled by an administrator: " + reason;
  }

  /** Enabled again by an administrator, its failure count reset. */
  void enableByAdmin() {
    active = true;
    disabledByAdmin = false;
    disabledReason = null;
    consecutiveFailures = 0;
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

  /** The secret in clear when it was just made or rotated; null otherwise. */
  String secret() {
    return secret;
  }

  boolean isDisabledByAdmin() {
    return disabledByAdmin;
  }

  int consecutiveFailures() {
    return consecutiveFailures;
  }

  String createdBy() {
    return createdBy;
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
