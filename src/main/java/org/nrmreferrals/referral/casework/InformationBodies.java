package org.nrmreferrals.referral.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The bodies of further information requests: asking, answering, extending. */
final class InformationBodies {
  private InformationBodies() {}

  /** A question for an agency (the referring one when none is named), due by a day. */
  public record Ask(
      @NotBlank(message = "must ask a question")
          @Size(max = 4000, message = "must be at most 4000 characters")
          String question,
      @Pattern(
              regexp = "^[A-Z0-9][A-Z0-9_]{1,39}$",
              message = "must be an agency code; see /api/v1/agencies")
          String askedOf,
      LocalDate dueOn) {}

  /** The agency's answer: free text that names the person, sealed like the account. */
  public record Answer(
      @NotBlank(message = "must answer the question")
          @Size(max = 20000, message = "must be at most 20000 characters")
          String answer) {}

  /** A later due date, and why. */
  public record Extension(
      @NotNull(message = "is required: the new due date") LocalDate dueOn,
      @NotBlank(message = "must give the reason for the extension")
          @Size(max = 4000, message = "must be at most 4000 characters")
          String reason) {}
}
