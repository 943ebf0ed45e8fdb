package org.nrmreferrals.referral;

import java.time.LocalDate;
import java.util.List;

/**
 * What identifies a potential victim, kept apart from the coded facts: never logged, and stored
 * only sealed with the referral's data key (see {@link PersonalDataStore}). A Duty to Notify report
 * carries none of it but the languages spoken, which are sealed too: a rare language with a
 * nationality and a place can point to one person. The referring agency's own case reference is
 * here too: it leads to the agency's file on the person.
 */
public record PersonalData(
    String givenName,
    String familyName,
    List<String> aliases,
    LocalDate dateOfBirth,
    String phone,
    String email,
    String address,
    String account,
    List<String> languages,
    String externalReference) {
  public static final PersonalData NONE =
      new PersonalData(null, null, List.of(), null, null, null, null, null, List.of(), null);

  public PersonalData {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    languages = languages == null ? List.of() : List.copyOf(languages);
  }

  /** The personal part of a submission, or null when it holds none. */
  public static PersonalData of(PotentialVictim person, String account, String externalReference) {
    if (!person.identifiesThePerson()
        && account == null
        && person.languages().isEmpty()
        && externalReference == null) {
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
        account,
        person.languages(),
        externalReference);
  }

  /** The same, with the referring agency's own case reference. */
  PersonalData withExternalReference(String reference) {
    return new PersonalData(
        givenName,
        familyName,
        aliases,
        dateOfBirth,
        phone,
        email,
        address,
        account,
        languages,
        reference);
  }

  ContactDetails contact() {
    ContactDetails contact = new ContactDetails(phone, email, address);
    return contact.givesNothing() ? null : contact;
  }
}
