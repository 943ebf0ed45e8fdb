package org.nrmreferrals.authority;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.nrmreferrals.Jdbc;
import org.nrmreferrals.agency.Agency;
import org.nrmreferrals.agency.AgencyType;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.web.Problem.Violation;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;

/** Registers, revises and lists competent authorities, and allocates new cases to them. */
@ApplicationScoped
public class AuthorityRegistry {
  private final Clock clock;
  private final AuditTrail audit;

  AuthorityRegistry(Clock clock, AuditTrail audit) {
    this.clock = clock;
    this.audit = audit;
  }

  /** The code of the authority a new case with these facts goes to. */
  public String allocate(Allocation.Facts facts) {
    return Allocation.allocate(facts, active());
  }

  /**
   * The active authorities, read with plain JDBC on the transaction's connection: every intake
   * allocates, and loading them as entities was 6% of an intake's CPU. (Not cached: an authority
   * deactivated on any instance must get no new case from the moment it commits.)
   */
  private static List<Allocation.Candidate> active() {
    return Jdbc.all(
        CompetentAuthority.getEntityManager(),
        "select code, kind, local_authorities from competent_authority where active",
        s -> {},
        rs -> {
          Array areas = rs.getArray(3);
          return new Allocation.Candidate(
              rs.getString(1),
              AuthorityKind.valueOf(rs.getString(2)),
              areas == null ? List.of() : List.of((String[]) areas.getArray()));
        });
  }

  /** The active authority with this code, or a 422 naming the field. */
  public CompetentAuthority active(String field, String code) {
    CompetentAuthority a = code == null ? null : CompetentAuthority.findById(code);
    if (a == null || !a.isActive()) {
      throw ProblemException.invalid(
          field, "is not an active competent authority; see /api/v1/competent-authorities");
    }
    return a;
  }

  List<CompetentAuthorityView> list() {
    return CompetentAuthority.<CompetentAuthority>findAll(Sort.by("code")).stream()
        .map(CompetentAuthorityView::from)
        .toList();
  }

  CompetentAuthorityView get(String code) {
    return CompetentAuthorityView.from(find(code));
  }

  @Transactional
  CompetentAuthorityView register(RegisterAuthorityRequest request) {
    if (request.kind() != AuthorityKind.CHILD_PANEL) {
      throw ProblemException.invalid(
          "kind", "must be CHILD_PANEL: the SCA and the IECA are registered already");
    }
    requireLocalAuthorities(request.code(), request.localAuthorities());
    if (CompetentAuthority.findById(request.code()) != null
        || Agency.findById(request.code()) != null) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "The code " + request.code() + " names an authority or agency already.");
    }
    CompetentAuthority a =
        new CompetentAuthority(
            request.code(),
            request.name().strip(),
            request.kind(),
            List.copyOf(request.localAuthorities()),
            clock.instant());
    a.persistAndFlush();
    audit.append(
        AuditEvent.of(Action.AUTHORITY_REGISTERED)
            .detail("authority", a.code())
            .detail("kind", a.kind())
            .detail("localAuthorities", a.localAuthorities()));
    return CompetentAuthorityView.from(a);
  }

  @Transactional
  CompetentAuthorityView revise(String code, ReviseAuthorityRequest request) {
    CompetentAuthority a = find(code);
    if (request.localAuthorities() != null && a.kind() != AuthorityKind.CHILD_PANEL) {
      throw ProblemException.invalid("localAuthorities", "only a CHILD_PANEL has an area");
    }
    boolean activeAfter = request.active() == null ? a.isActive() : request.active();
    if (a.kind() == AuthorityKind.CHILD_PANEL && activeAfter) {
      requireLocalAuthorities(
          code,
          request.localAuthorities() == null ? a.localAuthorities() : request.localAuthorities());
    }
    if (Boolean.FALSE.equals(request.active()) && a.isActive()) {
      if (a.kind() != AuthorityKind.CHILD_PANEL) {
        throw new ProblemException(
            ProblemType.CONFLICT, "The " + a.kind() + " decides every case no panel takes.");
      }
      long open = openCases(code);
      if (open > 0) {
        throw new ProblemException(
            ProblemType.CONFLICT,
            "The panel owns "
                + open
                + " cases that can still change; transfer them before deactivating it.");
      }
    }
    String name = request.name() == null ? null : request.name().strip();
    a.revise(name, request.localAuthorities(), request.active(), clock.instant());
    audit.append(
        AuditEvent.of(Action.AUTHORITY_REVISED)
            .detail("authority", a.code())
            .detail("localAuthorities", request.localAuthorities())
            .detail("active", request.active()));
    return CompetentAuthorityView.from(a);
  }

  /**
   * How many of the authority's cases can still change (any status but CG_POSITIVE, WITHDRAWN and
   * NOTIFIED): nobody could work them once it is inactive.
   */
  private long openCases(String code) {
    return ((Number)
            CompetentAuthority.getEntityManager()
                .createNativeQuery(
                    "select count(*) from referral where competent_authority = :code"
                        + " and status not in ('CG_POSITIVE', 'WITHDRAWN', 'NOTIFIED')")
                .setParameter("code", code)
                .getSingleResult())
        .longValue();
  }

  /** Every entry names a registered local authority, once, and no other active panel covers it. */
  private static void requireLocalAuthorities(String self, List<String> codes) {
    List<Violation> violations = new ArrayList<>();
    var seen = new HashSet<String>();
    var elsewhere = new HashSet<String>();
    CompetentAuthority.<CompetentAuthority>list(
            "kind = ?1 and code <> ?2 and active", AuthorityKind.CHILD_PANEL, self)
        .forEach(panel -> elsewhere.addAll(panel.localAuthorities()));
    for (int i = 0; i < codes.size(); i++) {
      Agency agency = Agency.findById(codes.get(i));
      if (agency == null || agency.type() != AgencyType.LOCAL_AUTHORITY) {
        violations.add(
            new Violation(
                "localAuthorities[" + i + "]",
                "is not a registered LOCAL_AUTHORITY agency; see /api/v1/agencies"));
      } else if (!seen.add(codes.get(i))) {
        violations.add(new Violation("localAuthorities[" + i + "]", "repeats an earlier entry"));
      } else if (elsewhere.contains(codes.get(i))) {
        violations.add(
            new Violation("localAuthorities[" + i + "]", "is in another child panel's area"));
      }
    }
    if (!violations.isEmpty()) {
      throw ProblemException.invalid(violations);
    }
  }

  private static CompetentAuthority find(String code) {
    CompetentAuthority a = CompetentAuthority.findById(code);
    if (a == null) {
      throw ProblemException.notFound("No competent authority with code " + code + ".");
    }
    return a;
  }
}
