package org.nrmreferrals.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.agency.Agency;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditQueries;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.web.Problem.Violation;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;

/**
 * A partner agency's subscriptions: create, read, rotate the secret, delete; and every agency's,
 * for administrators to list, disable and enable.
 */
@ApplicationScoped
class WebhookRegistry {
  private final AuditTrail audit;
  private final AuditQueries events;
  private final Clock clock;
  private final boolean allowLoopbackHttp;
  private final int maxPerAgency;
  private final EntityManager em;
  private final WebhookSecrets secrets;

  WebhookRegistry(
      AuditTrail audit,
      AuditQueries events,
      Clock clock,
      NrmConfig config,
      EntityManager em,
      WebhookSecrets secrets) {
    this.secrets = secrets;
    this.em = em;
    this.maxPerAgency = config.webhooks().maxPerAgency();
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.allowLoopbackHttp = config.webhooks().allowLoopbackHttp();
  }

  /** Subscribes the agency to its events from now on; the view carries the secret, once. */
  @Transactional
  WebhookView create(Agency agency, String createdBy, CreateWebhookRequest request) {
    List<Violation> violations = new ArrayList<>();
    String refusal = WebhookTargets.refusal(request.url().strip(), allowLoopbackHttp);
    if (refusal != null) {
      violations.add(new Violation("url", refusal));
    }
    for (int i = 0; i < request.events().size(); i++) {
      String name = request.events().get(i);
      if (!Action.isWireName(name)) {
        violations.add(
            new Violation(
                "events[" + i + "]", "is not an event action; see docs/partner-guide.md"));
      } else if (!Action.ofWireName(name).partnerVisible()) {
        violations.add(
            new Violation(
                "events[" + i + "]",
                "is a step internal to the competent authority; partners are not sent it"));
      }
    }
    if (!violations.isEmpty()) {
      throw ProblemException.invalid(violations);
    }
    // One creation at a time per agency, so that two at once cannot both pass the count.
    em.createNativeQuery("SELECT true FROM pg_advisory_xact_lock(hashtext('webhooks:' || ?1))")
        .setParameter(1, agency.code())
        .getSingleResult();
    long live = WebhookSubscription.count("agencyCode = ?1 and deletedAt is null", agency.code());
    if (live >= maxPerAgency) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "The agency already has "
              + live
              + " webhooks, the most it may have at once; delete one first.");
    }
    WebhookSubscription s =
        WebhookSubscription.create(
            agency.code(),
            request.url().strip(),
            List.copyOf(new LinkedHashSet<>(request.events())),
            createdBy,
            events.head().seq(),
            clock.instant(),
            secrets);
    s.persist();
    audit.append(
        AuditEvent.of(Action.WEBHOOK_CREATED).agency(agency.code()).detail("webhookId", s.id()));
    return WebhookView.of(s, true);
  }

  List<WebhookView> list(Agency agency) {
    return WebhookSubscription.<WebhookSubscription>list(
            "agencyCode = ?1 and deletedAt is null order by createdAt", agency.code())
        .stream()
        .map(s -> WebhookView.of(s, false))
        .toList();
  }

  WebhookView get(Agency agency, UUID id) {
    return WebhookView.of(owned(agency, id), false);
  }

  @Transactional
  WebhookView rotateSecret(Agency agency, UUID id) {
    WebhookSubscription s = owned(agency, id);
    s.rotateSecret(clock.instant(), secrets);
    audit.append(
        AuditEvent.of(Action.WEBHOOK_SECRET_ROTATED)
            .agency(agency.code())
            .detail("webhookId", s.id()));
    return WebhookView.of(s, true);
  }

  @Transactional
  void delete(Agency agency, UUID id) {
    WebhookSubscription s = owned(agency, id);
    s.delete(clock.instant());
    audit.append(
        AuditEvent.of(Action.WEBHOOK_DELETED).agency(agency.code()).detail("webhookId", s.id()));
  }

  /** Every agency's live subscriptions (admins), of one agency or all, oldest first. */
  List<AdminWebhookView> listAll(String agencyCode) {
    return (agencyCode == null
            ? WebhookSubscription.<WebhookSubscription>list(
                "deletedAt is null order by createdAt, id")
            : WebhookSubscription.<WebhookSubscription>list(
                "agencyCode = ?1 and deletedAt is null order by createdAt, id", agencyCode))
        .stream().map(AdminWebhookView::of).toList();
  }

  /** An administrator stops a subscription's deliveries until one enables it again. */
  @Transactional
  AdminWebhookView disable(UUID id, String reason) {
    WebhookSubscription s = live(id);
    if (s.isDisabledByAdmin()) {
      throw new ProblemException(
          ProblemType.CONFLICT, "The webhook is disabled by an administrator already.");
    }
    s.disableByAdmin(reason);
    audit.append(
        AuditEvent.of(Action.WEBHOOK_DISABLED)
            .agency(s.agencyCode())
            .detail("webhookId", s.id())
            .detail("byAdministrator", true)
            .reason(reason));
    return AdminWebhookView.of(s);
  }

  /** An administrator lets a subscription it disabled deliver again. */
  @Transactional
  AdminWebhookView enable(UUID id) {
    WebhookSubscription s = live(id);
    if (!s.isDisabledByAdmin()) {
      throw new ProblemException(
          ProblemType.CONFLICT, "The webhook is not disabled by an administrator.");
    }
    s.enableByAdmin();
    audit.append(
        AuditEvent.of(Action.WEBHOOK_ENABLED).agency(s.agencyCode()).detail("webhookId", s.id()));
    return AdminWebhookView.of(s);
  }

  private static WebhookSubscription live(UUID id) {
    WebhookSubscription s = WebhookSubscription.findById(id);
    if (s == null || s.isDeleted()) {
      throw ProblemException.notFound("No webhook " + id + ".");
    }
    return s;
  }

  /** The agency's live subscription; 404 for another agency's, a deleted or a missing one. */
  static WebhookSubscription owned(Agency agency, UUID id) {
    WebhookSubscription s = WebhookSubscription.findById(id);
    if (s == null || s.isDeleted() || !s.agencyCode().equals(agency.code())) {
      throw ProblemException.notFound("No webhook " + id + " is visible to you.");
    }
    return s;
  }
}
