package org.nrmreferrals.referral.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.nrmreferrals.agency.PartnerAgency;
import org.nrmreferrals.referral.ReconsiderationRequests;
import org.nrmreferrals.referral.ReconsiderationView;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.web.QueryParams;

/**
 * {@code GET /api/v1/reconsideration-requests}: the requests the caller's agency made, which is how
 * a support provider follows requests for people whose referrals it cannot read.
 */
@Path("/api/v1/reconsideration-requests")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyReconsiderationsResource {
  private final ReconsiderationRequests requests;
  private final PartnerAgency partnerAgency;

  AgencyReconsiderationsResource(ReconsiderationRequests requests, PartnerAgency partnerAgency) {
    this.requests = requests;
    this.partnerAgency = partnerAgency;
  }

  @GET
  @RolesAllowed(Roles.PARTNER)
  public List<ReconsiderationView> mine(@QueryParam("limit") String limit) {
    return requests.madeBy(partnerAgency.current().code(), QueryParams.limit(limit, 50, 200));
  }
}
