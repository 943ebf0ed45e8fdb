package org.nrmreferrals.referral;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.nrmreferrals.protection.DataKeys;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.workflow.LegalDays;

/** Reads further information requests, opened with their referral's data key. */
@ApplicationScoped
public class InformationRequests {
  private final DataKeys dataKeys;
  private final LegalDays days;

  InformationRequests(DataKeys dataKeys, LegalDays days) {
    this.dataKeys = dataKeys;
    this.days = days;
  }

  /** A case's requests, oldest first: all of them, or those asked of one agency. */
  public List<InformationRequestView> of(UUID referralId, String askedOf) {
    DataKeys.Sealer sealer = dataKeys.of(referralId).orElse(null);
    return InformationRequest.<InformationRequest>list(
            "referralId", Sort.by("askedAt").and("id"), referralId)
        .stream()
        .filter(q -> askedOf == null || askedOf.equals(q.askedOf()))
        .map(q -> InformationRequestView.of(q, sealer, days.today()))
        .toList();
  }

  /** The requests asked of an agency, newest first, at most {@code limit}. */
  public List<InformationRequestView> askedOf(String agency, int limit) {
    return InformationRequest.<InformationRequest>find(
            "askedOf", Sort.descending("askedAt", "id"), agency)
        .page(0, limit)
        .list()
        .stream()
        .map(q -> view(q))
        .toList();
  }

  /** One of the case's requests; 404 when the case has no such request. */
  public InformationRequest find(UUID referralId, UUID id) {
    InformationRequest q = InformationRequest.findById(id);
    if (q == null || !q.referralId().equals(referralId)) {
      throw ProblemException.notFound(
          "No information request " + id + " on referral " + referralId + ".");
    }
    return q;
  }

  /** The request as of today, opened. */
  public InformationRequestView view(InformationRequest q) {
    return InformationRequestView.of(q, dataKeys.of(q.referralId()).orElse(null), days.today());
  }
}
