package org.nrmreferrals.statistics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A statistics release: the coded facts as they were at a moment, frozen, identical for every
 * reader and kept. It answers for the whole months up to {@code throughMonth}.
 *
 * @param asOf the moment its facts were read
 * @param cutBy {@code admin} or {@code schedule} (the admin's subject is in the audit trail)
 */
public record Release(
    long id,
    Instant asOf,
    YearMonth throughMonth,
    String cutBy,
    boolean scheduled,
    @JsonIgnore CodedFacts facts) {

  Release withFacts(CodedFacts loaded) {
    return new Release(id, asOf, throughMonth, cutBy, scheduled, loaded);
  }

  Release withoutFacts() {
    return new Release(id, asOf, throughMonth, cutBy, scheduled, null);
  }
}
