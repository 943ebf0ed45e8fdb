package org.nrmreferrals.agency;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;

/** Registers, revises and lists First Responder Organisations. */
@ApplicationScoped
class AgencyRegistry {
  private final Clock clock;
  private final AuditTrail audit;

  AgencyRegistry(Clock clock, AuditTrail audit) {
    this.clock = clock;
    this.audit = audit;
  }

  List<AgencyView> list(AgencyType type, Boolean active) {
    StringBuilder where = new StringBuilder("1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (type != null) {
      where.append(" and type = :type");
      params.put("type", type);
    }
    if (active != null) {
      where.append(" and active = :active");
      params.put("active", active);
    }
    return Agency.<Agency>find(where.toString(), Sort.by("code"), params).stream()
        .map(AgencyView::from)
        .toList();
  }

  AgencyView get(String code) {
    return AgencyView.from(find(code));
  }

  @Transactional
  AgencyView register(RegisterAgencyRequest request) {
    if (Agency.findById(request.code()) != null) {
      throw new ProblemException(
          ProblemType.CONFLICT, "An agency with code " + request.code() + " already exists.");
    }
    boolean active = request.active() == null || request.active();
    Agency agency =
        new Agency(
            request.code(),
            request.name().strip(),
            request.type(),
            active,
            Boolean.TRUE.equals(request.supportProvider()),
            clock.instant());
    agency.persistAndFlush();
    audit.append(
        AuditEvent.of(Action.AGENCY_REGISTERED)
            .agency(agency.code())
            .detail("name", agency.name())
            .detail("type", agency.type())
            .detail("active", agency.isActive())
            .detail("supportProvider", agency.isSupportProvider()));
    return AgencyView.from(agency);
  }

  @Transactional
  AgencyView revise(String code, ReviseAgencyRequest request) {
    Agency agency = find(code);
    String name = request.name() == null ? null : request.name().strip();
    agency.revise(
        name, request.type(), request.active(), request.supportProvider(), clock.instant());
    audit.append(
        AuditEvent.of(Action.AGENCY_REVISED)
            .agency(agency.code())
            .detail("name", name)
            .detail("type", request.type())
            .detail("active", request.active())
            .detail("supportProvider", request.supportProvider()));
    return AgencyView.from(agency);
  }

  private static Agency find(String code) {
    Agency agency = Agency.findById(code);
    if (agency == null) {
      throw ProblemException.notFound("No agency with code " + code + ".");
    }
    return agency;
  }
}
