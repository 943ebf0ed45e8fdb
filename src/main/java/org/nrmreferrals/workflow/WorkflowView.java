package org.nrmreferrals.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/** The workflow table as clients read it. */
public record WorkflowView(List<StatusView> statuses, List<Transition> transitions) {

  /** One status and whether it can still change. */
  public record StatusView(ReferralStatus status, @JsonProperty("final") boolean isFinal) {}

  static WorkflowView current() {
    return new WorkflowView(
        Arrays.stream(ReferralStatus.values())
            .map(s -> new StatusView(s, Workflow.isFinal(s)))
            .toList(),
        Workflow.all());
  }
}
