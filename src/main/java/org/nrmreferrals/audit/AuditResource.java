package org.nrmreferrals.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/** Verification of the audit chain: full recomputation, signed checkpoints and raw links. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  private static final int DEFAULT_LINKS = 1_000;
  private static final int MAX_LINKS = 10_000;

  private final AuditVerifier verifier;
  private final AuditQueries queries;
  private final AuditSigner signer;
  private final Clock clock;

  AuditResource(AuditVerifier verifier, AuditQueries queries, AuditSigner signer, Clock clock) {
    this.verifier = verifier;
    this.queries = queries;
    this.signer = signer;
    this.clock = clock;
  }

  @GET
  @Path("/verify")
  @RolesAllowed(Roles.ADMIN)
  public Verification verify() throws SQLException {
    return verifier.verify();
  }

  @GET
  @Path("/checkpoint")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ADMIN})
  public Checkpoint checkpoint() {
    AuditQueries.Head head = queries.head();
    String signedAt = AuditChain.timestamp(clock.instant().truncatedTo(ChronoUnit.MICROS));
    ObjectNode payload = AuditChain.object();
    payload.put("hash", head.hash());
    payload.put("keyId", signer.keyId());
    payload.put("seq", head.seq());
    payload.put("signedAt", signedAt);
    String signature =
        Base64.getEncoder().encodeToString(signer.sign(AuditChain.canonical(payload)));
    return new Checkpoint(head.seq(), head.hash(), signedAt, signer.keyId(), signature);
  }

  @GET
  @Path("/public-key")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ANALYST, Roles.STATISTICIAN, Roles.ADMIN})
  public PublicKeyView publicKey() {
    return new PublicKeyView("Ed25519", signer.keyId(), signer.publicKeyPem());
  }

  @GET
  @Path("/chain")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ADMIN})
  public ChainPage chain(
      @QueryParam("afterSeq") String afterSeq, @QueryParam("limit") String limit) {
    long after = QueryParams.nonNegativeLong("afterSeq", afterSeq, 0);
    int size = QueryParams.limit(limit, DEFAULT_LINKS, MAX_LINKS);
    List<ChainPage.Link> links = queries.links(after, size);
    Long next = links.size() < size ? null : links.get(links.size() - 1).seq();
    return new ChainPage(links, next);
  }
}
