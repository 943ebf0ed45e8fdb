package org.nrmreferrals.referral;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.nrmreferrals.web.ProblemException;

/** Reads reconsideration requests: a case's, one of them, the one pending, an agency's. */
@ApplicationScoped
public class ReconsiderationRequests {
  /**
   * An SQL condition, with one parameter (the referral's id), that holds while the referral has
   * requests for {@link #of} to list.
   */
  static final String ANY = "exists (select 1 from reconsideration_request where referral_id = ?)";

  /** A case's requests, oldest first. */
  public List<ReconsiderationView> of(UUID referralId) {
    return ReconsiderationRequest.<ReconsiderationRequest>list(
            "referralId", Sort.by("requestedAt").and("id"), referralId)
        .stream()
        .map(ReconsiderationView::of)
        .toList();
  }

  /** The case's request awaiting an outcome, if any. */
  public Optional<ReconsiderationRequest> pending(UUID referralId) {
    return ReconsiderationRequest.<ReconsiderationRequest>find(
            "referralId = ?1 and outcome is null", referralId)
        .firstResultOptional();
  }

  /** One of the case's requests; 404 when the case has no such request. */
  public ReconsiderationRequest find(UUID referralId, UUID id) {
    ReconsiderationRequest q = ReconsiderationRequest.findById(id);
    if (q == null || !q.referralId().equals(referralId)) {
      throw ProblemException.notFound(
          "No reconsideration request " + id + " on referral " + referralId + ".");
    }
    return q;
  }

  /** The requests an agency made, newest first, at most {@code limit}. */
  public List<ReconsiderationView> madeBy(String agency, int limit) {
    return ReconsiderationRequest.<ReconsiderationRequest>find(
            "requestingAgency", Sort.descending("requestedAt", "id"), agency)
        .page(0, limit)
        .list()
        .stream()
        .map(ReconsiderationView::of)
        .toList();
  }
}
