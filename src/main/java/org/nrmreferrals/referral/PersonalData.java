package org.nrmreferrals.referral;

import java.time.LocalDate;
import java.util.List;

/**
 * What identifies a potential victim, kept apart from the coded facts: never listed, never logged,
 * never written on a Duty to Notify report, and stored only sealed with the referral's data key
 * (see {@link PersonalDataStore}).
 */
record PersonalData(
    String givenName,
    String familyName,
    List<String> aliases,
    LocalDate dateOfBirth,
    String phone,
    String email,
    String address,
    String account) {
  static final PersonalData NONE =
      new PersonalData(null, null, List.of(), null, null, null, null, null);

  PersonalData {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The personal part of a submission, or null when it holds none. */
  static PersonalData of(PotentialVictim person, String account) {
    if (!person.identifiesThePerson() && account == null) {
      return null;
    }
    ContactDetails contact = person.contact();
    return new PersonalData(
        person.givenName(),
        person.familyName(),
        person.aliases(),
        person.dateOfBirth(),
        contact == null ? null : contact.phone(),
        contact == null ? null : contact.email(),
        contact == null ? null : contact.address(),
        account);
  }

  ContactDetails contact() {
    ContactDetails contact = new ContactDetails(phone, email, address);
    return contact.isEmpty() ? null : contact;
  }
}
