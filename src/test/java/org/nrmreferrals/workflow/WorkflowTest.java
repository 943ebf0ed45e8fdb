package org.nrmreferrals.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The workflow table, checked over every (from, to, actor, reconsidered stage) combination. */
class WorkflowTest {
  /**
   * The statutory table, written out independently: from, to, by, reason, second, stage, and
   * "resumes" for the way back from a suspension (open only to a case suspended in that status),
   * "request" for a move made only by accepting a reconsideration request.
   */
  private static final Set<String> EXPECTED =
      Set.of(
          "SUBMITTED RG_POSITIVE CASEWORKER - - - - -",
          "SUBMITTED RG_NEGATIVE CASEWORKER reason second - - -",
          "SUBMITTED SUSPENDED CASEWORKER reason - - - -",
          "SUBMITTED WITHDRAWN REFERRING_AGENCY reason - - - -",
          "SUSPENDED SUBMITTED CASEWORKER - - - resumes -",
          "SUSPENDED RG_POSITIVE CASEWORKER - - - resumes -",
          "SUSPENDED RECONSIDERATION_REQUESTED CASEWORKER - - - resumes -",
          "SUSPENDED WITHDRAWN REFERRING_AGENCY reason - - - -",
          "RG_POSITIVE CG_POSITIVE CASEWORKER - - - - -",
          "RG_POSITIVE CG_NEGATIVE CASEWORKER reason second - - -",
          "RG_POSITIVE SUSPENDED CASEWORKER reason - - - -",
          "RG_POSITIVE WITHDRAWN REFERRING_AGENCY reason - - - -",
          "RG_NEGATIVE RECONSIDERATION_REQUESTED CASEWORKER reason - - - request",
          "CG_NEGATIVE RECONSIDERATION_REQUESTED CASEWORKER reason - - - request",
          "RECONSIDERATION_REQUESTED RG_POSITIVE CASEWORKER - - REASONABLE_GROUNDS - -",
          "RECONSIDERATION_REQUESTED RG_NEGATIVE CASEWORKER reason second REASONABLE_GROUNDS - -",
          "RECONSIDERATION_REQUESTED CG_POSITIVE CASEWORKER - - CONCLUSIVE_GROUNDS - -",
          "RECONSIDERATION_REQUESTED CG_NEGATIVE CASEWORKER reason second CONCLUSIVE_GROUNDS - -",
          "RECONSIDERATION_REQUESTED SUSPENDED CASEWORKER reason - - - -",
          "RECONSIDERATION_REQUESTED WITHDRAWN REFERRING_AGENCY reason - - - -");

  private static final ReferralStatus[] SUSPENDED_FROM = {
    null,
    ReferralStatus.SUBMITTED,
    ReferralStatus.RG_POSITIVE,
    ReferralStatus.RECONSIDERATION_REQUESTED
  };

  static Stream<Arguments> everyTriple() {
    List<Arguments> all = new ArrayList<>();
    for (ReferralStatus from : ReferralStatus.values()) {
      for (ReferralStatus to : ReferralStatus.values()) {
        for (Actor actor : Actor.values()) {
          all.add(Arguments.of(from, to, actor));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} -> {1} by {2}")
  @MethodSource("everyTriple")
  void allowsExactlyTheStatutoryMoves(ReferralStatus from, ReferralStatus to, Actor actor) {
    for (Stage stage : new Stage[] {null, Stage.REASONABLE_GROUNDS, Stage.CONCLUSIVE_GROUNDS}) {
      for (ReferralStatus suspendedFrom : SUSPENDED_FROM) {
        Optional<Transition> found =
            Workflow.find(from, to, stage, suspendedFrom).filter(t -> t.by() == actor);
        boolean expected =
            EXPECTED.stream()
                .anyMatch(
                    line -> {
                      String[] f = line.split(" ");
                      return f[0].equals(from.name())
                          && f[1].equals(to.name())
                          && f[2].equals(actor.name())
                          && (f[5].equals("-") || f[5].equals(String.valueOf(stage)))
                          && (f[6].equals("-") || to == suspendedFrom);
                    });
        assertEquals(
            expected,
            found.isPresent(),
            from + " -> " + to + " by " + actor + " / " + stage + " / " + suspendedFrom);
      }
    }
  }

  @Test
  void describesEachMoveExactlyAsTheStatute() {
    Set<String> actual =
        Workflow.all().stream()
            .map(
                t ->
                    String.join(
                        " ",
                        t.from().name(),
                        t.to().name(),
                        t.by().name(),
                        t.reasonRequired() ? "reason" : "-",
                        t.secondCaseworker() ? "second" : "-",
                        t.onlyWhenReconsidering() == null ? "-" : t.onlyWhenReconsidering().name(),
                        t.resumes() ? "resumes" : "-",
                        t.byAcceptingARequest() ? "request" : "-"))
            .collect(Collectors.toSet());
    assertEquals(EXPECTED, actual);
  }

  @Test
  void neverMovesADutyToNotifyReportOrAConcludedCase() {
    assertTrue(Workflow.isFinal(ReferralStatus.NOTIFIED));
    assertTrue(Workflow.isFinal(ReferralStatus.CG_POSITIVE));
    assertTrue(Workflow.isFinal(ReferralStatus.WITHDRAWN));
  }

  @Test
  void returnsAReconsideredCaseToTheDecisionReconsidered() {
    assertEquals(
        List.of(
            ReferralStatus.RG_POSITIVE,
            ReferralStatus.RG_NEGATIVE,
            ReferralStatus.SUSPENDED,
            ReferralStatus.WITHDRAWN),
        Workflow.allowed(ReferralStatus.RECONSIDERATION_REQUESTED, Stage.REASONABLE_GROUNDS, null)
            .stream()
            .map(Transition::to)
            .toList());
    assertEquals(
        List.of(
            ReferralStatus.CG_POSITIVE,
            ReferralStatus.CG_NEGATIVE,
            ReferralStatus.SUSPENDED,
            ReferralStatus.WITHDRAWN),
        Workflow.allowed(ReferralStatus.RECONSIDERATION_REQUESTED, Stage.CONCLUSIVE_GROUNDS, null)
            .stream()
            .map(Transition::to)
            .toList());
  }

  @Test
  void resumesASuspendedCaseOnlyToWhereItWas() {
    for (ReferralStatus was :
        List.of(
            ReferralStatus.SUBMITTED,
            ReferralStatus.RG_POSITIVE,
            ReferralStatus.RECONSIDERATION_REQUESTED)) {
      assertEquals(
          List.of(was, ReferralStatus.WITHDRAWN),
          Workflow.allowed(ReferralStatus.SUSPENDED, null, was).stream()
              .map(Transition::to)
              .toList());
    }
  }
}
