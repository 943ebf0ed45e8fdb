package org.nrmreferrals.referral;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** How to reach the person; personal data, never on a Duty to Notify report. */
public record ContactDetails(
    @Size(max = 40, message = "must be at most 40 characters")
        @Pattern(regexp = "[0-9+() -]*", message = "must contain only digits, spaces and + ( ) -")
        String phone,
    @Size(max = 254, message = "must be at most 254 characters")
        @Email(message = "must be an email address")
        String email,
    @Size(max = 500, message = "must be at most 500 characters") String address) {

  // Not a bean getter (isX, getX): Jackson would write it as a property.
  boolean givesNothing() {
    return phone == null && email == null && address == null;
  }
}
