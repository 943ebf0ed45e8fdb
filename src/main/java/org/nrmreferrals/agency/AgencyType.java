package org.nrmreferrals.agency;

/** The four first-responder types that statistics group agencies by. */
public enum AgencyType {
  POLICE,
  LOCAL_AUTHORITY,
  GOVERNMENT_AGENCY,
  NGO
}
