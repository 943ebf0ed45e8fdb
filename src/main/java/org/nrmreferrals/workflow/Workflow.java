package org.nrmreferrals.workflow;

import static org.nrmreferrals.workflow.ReferralStatus.CG_NEGATIVE;
import static org.nrmreferrals.workflow.ReferralStatus.CG_POSITIVE;
import static org.nrmreferrals.workflow.ReferralStatus.RECONSIDERATION_REQUESTED;
import static org.nrmreferrals.workflow.ReferralStatus.RG_NEGATIVE;
import static org.nrmreferrals.workflow.ReferralStatus.RG_POSITIVE;
import static org.nrmreferrals.workflow.ReferralStatus.SUBMITTED;
import static org.nrmreferrals.workflow.ReferralStatus.SUSPENDED;
import static org.nrmreferrals.workflow.ReferralStatus.WITHDRAWN;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The NRM workflow: every status and the moves allowed out of it. The switch is exhaustive, so a
 * new status does not compile until its transitions are written here.
 */
public final class Workflow {
  private Workflow() {}

  /** The moves out of a status, in the order docs/caseworker-guide.md draws them. */
  public static List<Transition> from(ReferralStatus s) {
    return switch (s) {
      case SUBMITTED ->
          List.of(decide(s, RG_POSITIVE), negative(s, RG_NEGATIVE), suspend(s), withdraw(s));
      case SUSPENDED ->
          List.of(
              resume(SUBMITTED),
              resume(RG_POSITIVE),
              resume(RECONSIDERATION_REQUESTED),
              withdraw(s));
      case RG_POSITIVE ->
          List.of(decide(s, CG_POSITIVE), negative(s, CG_NEGATIVE), suspend(s), withdraw(s));
      case RG_NEGATIVE, CG_NEGATIVE -> List.of(reconsider(s));
      case RECONSIDERATION_REQUESTED ->
          List.of(
              when(decide(s, RG_POSITIVE), Stage.REASONABLE_GROUNDS),
              when(negative(s, RG_NEGATIVE), Stage.REASONABLE_GROUNDS),
              when(decide(s, CG_POSITIVE), Stage.CONCLUSIVE_GROUNDS),
              when(negative(s, CG_NEGATIVE), Stage.CONCLUSIVE_GROUNDS),
              suspend(s),
              withdraw(s));
      case CG_POSITIVE, WITHDRAWN, NOTIFIED -> List.of();
    };
  }

  /** Every transition of the table. */
  public static List<Transition> all() {
    return Arrays.stream(ReferralStatus.values()).flatMap(s -> from(s).stream()).toList();
  }

  /**
   * The moves open to a case in this status (reconsidering: the stage it returns to, or null;
   * suspendedFrom: the status a suspended case resumes to, or null).
   */
  public static List<Transition> allowed(
      ReferralStatus from, Stage reconsidering, ReferralStatus suspendedFrom) {
    return from(from).stream().filter(t -> t.appliesTo(reconsidering, suspendedFrom)).toList();
  }

  /** The move from one status to another, if the table has it for this case. */
  public static Optional<Transition> find(
      ReferralStatus from, ReferralStatus to, Stage reconsidering, ReferralStatus suspendedFrom) {
    return allowed(from, reconsidering, suspendedFrom).stream()
        .filter(t -> t.to() == to)
        .findFirst();
  }

  /** True once a status can never change again. */
  public static boolean isFinal(ReferralStatus s) {
    return from(s).isEmpty();
  }

  private static Transition decide(ReferralStatus from, ReferralStatus to) {
    return new Transition(from, to, Actor.CASEWORKER, false, false, null, false, false);
  }

  private static Transition negative(ReferralStatus from, ReferralStatus to) {
    return new Transition(from, to, Actor.CASEWORKER, true, true, null, false, false);
  }

  private static Transition suspend(ReferralStatus from) {
    return new Transition(from, SUSPENDED, Actor.CASEWORKER, true, false, null, false, false);
  }

  /** Back from a suspension to the status the case was suspended in. */
  private static Transition resume(ReferralStatus to) {
    return new Transition(SUSPENDED, to, Actor.CASEWORKER, false, false, null, true, false);
  }

  private static Transition withdraw(ReferralStatus from) {
    return new Transition(from, WITHDRAWN, Actor.REFERRING_AGENCY, true, false, null, false, false);
  }

  /** Reopens a negative decision: made only by accepting a reconsideration request. */
  private static Transition reconsider(ReferralStatus from) {
    return new Transition(
        from, RECONSIDERATION_REQUESTED, Actor.CASEWORKER, true, false, null, false, true);
  }

  private static Transition when(Transition t, Stage stage) {
    return new Transition(
        t.from(), t.to(), t.by(), t.reasonRequired(), t.secondCaseworker(), stage, false, false);
  }
}
