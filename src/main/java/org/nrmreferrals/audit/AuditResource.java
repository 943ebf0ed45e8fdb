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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/** Verification of the audit chain: full recomputation, signed checkpoints and raw links. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
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
  @Operation(
      operationId = "verifyAuditChain",
      summary = "Recompute the whole chain",
      description =
          "Checks every event's digest, every link and the head. valid is false, with the first"
              + " broken seq, when any row was altered, deleted or inserted outside the service.")
  @APIResponse(
      responseCode = "200",
      description = "The outcome (also when the chain is broken)",
      content = @Content(schema = @Schema(implementation = Verification.class)))
  public Verification verify() throws SQLException {
    return verifier.verify();
  }

  @GET
  @Path("/checkpoint")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ADMIN})
  @Operation(
      operationId = "getAuditCheckpoint",
      summary = "The signed head of the chain",
      description =
          "Store it; a later checkpoint plus the links between the two prove the log was only"
              + " appended to.")
  @APIResponse(
      responseCode = "200",
      description = "The checkpoint",
      content = @Content(schema = @Schema(implementation = Checkpoint.class)))
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
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ANALYST, Roles.ADMIN})
  @Operation(
      operationId = "getAuditPublicKey",
      summary = "The checkpoint signing key",
      description = "Ed25519 public key that verifies checkpoint signatures.")
  @APIResponse(
      responseCode = "200",
      description = "The key",
      content = @Content(schema = @Schema(implementation = PublicKeyView.class)))
  public PublicKeyView publicKey() {
    return new PublicKeyView("Ed25519", signer.keyId(), signer.publicKeyPem());
  }

  @GET
  @Path("/chain")
  @RolesAllowed({Roles.PARTNER, Roles.CASEWORKER, Roles.ADMIN})
  @Operation(
      operationId = "getAuditChain",
      summary = "Links of the chain",
      description =
          "seq, eventDigest, prevHash and hash of the events after afterSeq, with no content:"
              + " enough to check the chain between two checkpoints.")
  @APIResponse(
      responseCode = "200",
      description = "One page of links",
      content = @Content(schema = @Schema(implementation = ChainPage.class)))
  @APIResponse(responseCode = "400", ref = "MalformedRequest")
  public ChainPage chain(
      @Parameter(description = "Links after this seq (default 0: from the start)")
          @Schema(type = SchemaType.INTEGER)
          @QueryParam("afterSeq")
          String afterSeq,
      @Parameter(description = "Page size, 1 to 10000 (default 1000)")
          @Schema(type = SchemaType.INTEGER)
          @QueryParam("limit")
          String limit) {
    long after = QueryParams.nonNegativeLong("afterSeq", afterSeq, 0);
    int size = QueryParams.limit(limit, DEFAULT_LINKS, MAX_LINKS);
    List<ChainPage.Link> links = queries.links(after, size);
    Long next = links.size() < size ? null : links.get(links.size() - 1).seq();
    return new ChainPage(links, next);
  }
}
