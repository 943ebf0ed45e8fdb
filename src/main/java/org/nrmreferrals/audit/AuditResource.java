package org.nrmreferrals.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.QueryParams;

/**
 * Verification of the audit log: full recomputation, signed checkpoints, inclusion and consistency
 * proofs, and raw links.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  private static final int DEFAULT_LINKS = 1_000;
  private static final int MAX_LINKS = 10_000;

  private final AuditVerifier verifier;
  private final AuditQueries queries;
  private final AuditSigner signer;
  private final AuditProofs proofs;
  private final Caller caller;
  private final Duration maxDelay;

  AuditResource(
      AuditVerifier verifier,
      AuditQueries queries,
      AuditSigner signer,
      AuditProofs proofs,
      Caller caller,
      NrmConfig config) {
    this.verifier = verifier;
    this.queries = queries;
    this.signer = signer;
    this.proofs = proofs;
    this.caller = caller;
    this.maxDelay = config.audit().maxDelay();
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
    return proofs.checkpoint();
  }

  /**
   * The proof that a receipt's event is in the log: its inclusion path under a signed checkpoint
   * (of the current head, or of {@code treeSize} events, a checkpoint the caller kept).
   */
  @GET
  @Path("/proofs/{eventDigest}")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ADMIN})
  public Response proof(
      @PathParam("eventDigest") String eventDigest, @QueryParam("treeSize") String treeSize) {
    Long size = treeSize == null ? null : QueryParams.nonNegativeLong("treeSize", treeSize, 0);
    InclusionProof proof =
        proofs.inclusion(eventDigest, size, caller.isPartner() ? caller.ownAgency() : null);
    Response.ResponseBuilder answer = Response.ok(proof);
    if ("PENDING".equals(proof.status())) {
      answer.header("Retry-After", Math.max(1, maxDelay.toSeconds()));
    }
    return answer.build();
  }

  /** The proof that the log of {@code to} events (the head) extends the log of {@code from}. */
  @GET
  @Path("/consistency")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ADMIN})
  public ConsistencyProof consistency(
      @QueryParam("from") String from, @QueryParam("to") String to) {
    if (from == null) {
      throw ProblemException.invalid("from", "is required: the size of the log you checked before");
    }
    return proofs.consistency(
        QueryParams.nonNegativeLong("from", from, 0),
        to == null ? null : QueryParams.nonNegativeLong("to", to, 0));
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
