package org.nrmreferrals.referral.queues;

import java.util.List;

/** The caller's competent authority and how many cases each of its queues holds now. */
public record QueueCounts(String competentAuthority, List<QueueCount> queues) {

  /** One queue: its name (the path segment of its page) and its count. */
  public record QueueCount(String name, long count) {}
}
