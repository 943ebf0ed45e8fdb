package org.nrmreferrals.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.audit.AuditQueries;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Sequenced;
import org.nrmreferrals.support.Tokens;

/** The decisions the statistics count, read from the audit trail as the snapshot reads them. */
@QuarkusTest
class IssuedDecisionsTest {
  @Inject AgroalDataSource database;

  @Test
  void countsAPositiveRgOnceThoughTheCaseIsSuspendedAndResumed() throws Exception {
    String id = Referrals.submit(Agencies.police(), Referrals.anAdultReferral());
    String caseworker = Tokens.caseworker();
    Referrals.move(caseworker, id, Map.of("to", "RG_POSITIVE"));
    Referrals.move(caseworker, id, Map.of("to", "SUSPENDED", "reason", "Cannot be contacted"));
    Referrals.move(caseworker, id, Map.of("to", "RG_POSITIVE"));
    assertEquals(List.of("RG_POSITIVE"), counted(id));
  }

  @Test
  void countsNoNewDecisionForADeclinedReconsideration() throws Exception {
    String agency = Agencies.police();
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    Referrals.requestANegativeDecision(Tokens.caseworker(), id);
    String second = Tokens.caseworker();
    Referrals.confirmHeldDecision(second, id);
    String request = Referrals.requestReconsideration(Tokens.partner(agency), id);
    Referrals.decideReconsideration(Tokens.caseworker(), id, request, "DECLINED").statusCode(200);
    assertEquals(List.of("RG_NEGATIVE"), counted(id));
  }

  private List<String> counted(String id) throws Exception {
    List<String> counted = new ArrayList<>();
    Sequenced.now();
    try (Connection c = database.getConnection()) {
      new IssuedDecisions(ZoneId.of("Europe/London"))
          .forEach(
              c,
              0,
              AuditQueries.headSeq(c),
              d -> {
                if (d.referralId().equals(UUID.fromString(id))) {
                  counted.add(d.to());
                }
              });
    }
    return counted;
  }
}
