package org.nrmreferrals.referral.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.nrmreferrals.agency.PartnerAgency;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.referral.InformationRequestView;
import org.nrmreferrals.referral.InformationRequests;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/**
 * {@code GET /api/v1/information-requests}: the further information requests asked of the caller's
 * agency (open, answered and expired), newest first.
 */
@Path("/api/v1/information-requests")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyInformationRequestsResource {
  private final InformationRequests requests;
  private final PartnerAgency partnerAgency;
  private final AuditTrail audit;

  AgencyInformationRequestsResource(
      InformationRequests requests, PartnerAgency partnerAgency, AuditTrail audit) {
    this.requests = requests;
    this.partnerAgency = partnerAgency;
    this.audit = audit;
  }

  /** The requests with their questions and answers: a read of each case's personal data. */
  @GET
  @RolesAllowed(Roles.PARTNER)
  @Transactional
  public List<InformationRequestView> askedOfMe(@QueryParam("limit") String limit) {
    String agency = partnerAgency.current().code();
    List<InformationRequestView> asked =
        requests.askedOf(agency, QueryParams.limit(limit, 50, 200));
    asked.stream()
        .map(InformationRequestView::referralId)
        .distinct()
        .forEach(
            id ->
                audit.append(
                    AuditEvent.of(Action.REFERRAL_READ)
                        .referral(id, agency)
                        .detail("informationRequests", true)));
    return asked;
  }
}
