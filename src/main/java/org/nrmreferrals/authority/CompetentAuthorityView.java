package org.nrmreferrals.authority;

import java.util.List;

/** A competent authority as the API shows it. */
public record CompetentAuthorityView(
    String code, String name, AuthorityKind kind, List<String> localAuthorities, boolean active) {
  static CompetentAuthorityView from(CompetentAuthority a) {
    return new CompetentAuthorityView(
        a.code(), a.name(), a.kind(), a.localAuthorities(), a.isActive());
  }
}
