package org.nrmreferrals.audit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stretch of the chain as links: seq, event digest and hashes, no event content. */
@Schema(name = "AuditChainPage")
public record ChainPage(
    List<Link> links,
    @Schema(nullable = true, description = "Pass as afterSeq for the next page; null at the head")
        Long nextAfterSeq) {

  /** hash = SHA-256(prevHash ‖ eventDigest), over the raw 32-byte values. */
  @Schema(name = "AuditChainLink")
  public record Link(long seq, String eventDigest, String prevHash, String hash) {}
}
