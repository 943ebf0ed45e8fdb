package org.nrmreferrals.audit;

import java.util.List;

/** A stretch of the chain as links: seq, event digest and hashes, no event content. */
public record ChainPage(List<Link> links, Long nextAfterSeq) {

  /** hash = SHA-256(prevHash ‖ eventDigest), over the raw 32-byte values. */
  public record Link(long seq, String eventDigest, String prevHash, String hash) {}
}
