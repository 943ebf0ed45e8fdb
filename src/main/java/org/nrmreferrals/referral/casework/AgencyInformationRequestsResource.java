package org.nrmreferrals.referral.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.nrmreferrals.agency.PartnerAgency;
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

  AgencyInformationRequestsResource(InformationRequests requests, PartnerAgency partnerAgency) {
    this.requests = requests;
    this.partnerAgency = partnerAgency;
  }

  @GET
  @RolesAllowed(Roles.PARTNER)
  public List<InformationRequestView> askedOfMe(@QueryParam("limit") String limit) {
    return requests.askedOf(partnerAgency.current().code(), QueryParams.limit(limit, 50, 200));
  }
}
