package org.nrmreferrals.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nrmreferrals.NrmConfig;

/**
 * Signed receipts: the service's promise that events it stored will be in the chain within the
 * maximum delay. A receipt names the events' digests, when it was issued and the time they will be
 * included by, and carries the service's Ed25519 signature over the RFC 8785 form of those four
 * fields. A write's response carries the receipt of the events its transaction committed, in the
 * {@code Audit-Receipt} header (base64url of the receipt's JSON); a partner keeps it, and asks
 * {@code GET /api/v1/audit/proofs/{eventDigest}} for the proof of inclusion after that time.
 */
@ApplicationScoped
public class Receipts {
  public static final String HEADER = "Audit-Receipt";
  private static final String KEY = "nrm.audit-receipts";
  private static final String IN_BODY = "nrm.audit-receipts-in-body";

  /**
   * Events one header may name: a partner's write stores one or two; an admin's bulk operation
   * (retention, key rotation) may store thousands, which no proxy would pass in a header. Such a
   * write answers without a receipt.
   */
  static final int MAX_EVENTS = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuditSigner signer;
  private final Clock clock;
  private final Duration maxDelay;
  private final TransactionSynchronizationRegistry transactions;
  private final CurrentVertxRequest current;

  Receipts(
      AuditSigner signer,
      Clock clock,
      NrmConfig config,
      TransactionSynchronizationRegistry transactions,
      CurrentVertxRequest current) {
    this.signer = signer;
    this.clock = clock;
    this.maxDelay = config.audit().maxDelay();
    this.transactions = transactions;
    this.current = current;
  }

  /** A receipt: the signed promise that these events will be in the chain by {@code includeBy}. */
  public record Receipt(
      List<String> events, String issuedAt, String includeBy, String keyId, String signature) {}

  /** A receipt for these events' digests, issued now. */
  public Receipt issue(List<String> digests) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String issuedAt = AuditChain.timestamp(now);
    String includeBy = AuditChain.timestamp(now.plus(maxDelay));
    ObjectNode signed = signedPart(digests, issuedAt, includeBy, signer.keyId());
    String signature =
        Base64.getEncoder().encodeToString(signer.sign(AuditChain.canonical(signed)));
    return new Receipt(List.copyOf(digests), issuedAt, includeBy, signer.keyId(), signature);
  }

  /** The fields a receipt's signature covers, as a JSON object. */
  static ObjectNode signedPart(
      List<String> digests, String issuedAt, String includeBy, String keyId) {
    ObjectNode node = AuditChain.object();
    digests.forEach(node.putArray("events")::add);
    node.put("includeBy", includeBy);
    node.put("issuedAt", issuedAt);
    node.put("keyId", keyId);
    return node;
  }

  /** The header's value: base64url (no padding) of the receipt's JSON. */
  public static String header(Receipt receipt) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(JSON.writeValueAsString(receipt).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A receipt is always serializable", e);
    }
  }

  /**
   * For a request that answers with receipts in its body (a bulk import, one receipt a line): its
   * events are not collected for a header.
   */
  public void inBody() {
    RoutingContext ctx = current.getCurrent();
    if (ctx != null) {
      ctx.put(IN_BODY, Boolean.TRUE);
    }
  }

  /**
   * Notes an event stored in the current transaction: if it commits, the response to the request (a
   * write's, when it succeeds) carries its receipt. Outside a request nothing is noted.
   */
  void stored(String digest) {
    if (!Arc.container().requestContext().isActive()) {
      return;
    }
    RoutingContext ctx = current.getCurrent();
    if (ctx == null || ctx.get(IN_BODY) != null || !writes(ctx.request().method())) {
      return; // a read's response never carries a receipt: nothing to collect
    }
    ForRequest request;
    synchronized (ctx) {
      request = ctx.get(KEY);
      if (request == null) {
        request = new ForRequest();
        ctx.put(KEY, request);
        ForRequest r = request;
        ctx.addHeadersEndHandler(v -> r.addHeader(ctx));
      }
    }
    request.stored(digest, transactions);
  }

  /** Whether a request of this method may change something, and so carry a receipt. */
  private static boolean writes(HttpMethod method) {
    return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
  }

  /**
   * One request's events: those committed, and those of each transaction still open (a request may
   * run several, one after another or, in a bulk import, at once on several threads).
   */
  private final class ForRequest {
    private final List<String> committed = new ArrayList<>();
    private final Map<Object, List<String>> open = new HashMap<>();
    private boolean overflow;

    synchronized void stored(String digest, TransactionSynchronizationRegistry registry) {
      Object key = registry.getTransactionKey();
      if (key == null) {
        return;
      }
      List<String> events = open.get(key);
      if (events == null) {
        List<String> mine = new ArrayList<>();
        events = mine;
        open.put(key, mine);
        registry.registerInterposedSynchronization(
            new Synchronization() {
              @Override
              public void beforeCompletion() {}

              @Override
              public void afterCompletion(int status) {
                completed(key, mine, status == Status.STATUS_COMMITTED);
              }
            });
      }
      events.add(digest);
    }

    private synchronized void completed(Object key, List<String> events, boolean committed) {
      open.remove(key);
      if (committed && !overflow) {
        if (this.committed.size() + events.size() > MAX_EVENTS) {
          overflow = true; // too many for a header; the events are in the log all the same
          this.committed.clear();
        } else {
          this.committed.addAll(events);
        }
      }
    }

    void addHeader(RoutingContext ctx) {
      int status = ctx.response().getStatusCode();
      if (status < 200 || status > 299) {
        return;
      }
      List<String> digests;
      synchronized (this) {
        digests = List.copyOf(committed);
      }
      if (!digests.isEmpty()) {
        ctx.response().putHeader(HEADER, header(issue(digests)));
      }
    }
  }
}
