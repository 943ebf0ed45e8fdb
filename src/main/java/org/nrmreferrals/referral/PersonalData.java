package org.nrmreferrals.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What identifies a potential victim, kept apart from the coded facts: never listed, never logged,
 * never written on a Duty to Notify report.
 */
@Entity
@Table(name = "referral_personal_data")
class PersonalData extends PanacheEntityBase {
  static final PersonalData NONE = new PersonalData();

  @Id
  @Column(name = "referral_id")
  private UUID referralId;

  @Column(name = "given_name")
  private String givenName;

  @Column(name = "family_name")
  private String familyName;

  @JdbcTypeCode(SqlTypes.ARRAY)
  private List<String> aliases = List.of();

  @Column(name = "date_of_birth")
  private LocalDate dateOfBirth;

  private String phone;
  private String email;
  private String address;
  private String account;

  protected PersonalData() {}

  /** The personal part of a submission, or null when it holds none. */
  static PersonalData of(UUID referralId, PotentialVictim person, String account) {
    if (!person.identifiesThePerson() && account == null) {
      return null;
    }
    PersonalData p = new PersonalData();
    p.referralId = referralId;
    p.givenName = person.givenName();
    p.familyName = person.familyName();
    p.aliases = List.copyOf(person.aliases());
    p.dateOfBirth = person.dateOfBirth();
    if (person.contact() != null) {
      p.phone = person.contact().phone();
      p.email = person.contact().email();
      p.address = person.contact().address();
    }
    p.account = account;
    return p;
  }

  String givenName() {
    return givenName;
  }

  String familyName() {
    return familyName;
  }

  List<String> aliases() {
    return aliases;
  }

  LocalDate dateOfBirth() {
    return dateOfBirth;
  }

  ContactDetails contact() {
    ContactDetails contact = new ContactDetails(phone, email, address);
    return contact.isEmpty() ? null : contact;
  }

  String account() {
    return account;
  }
}
