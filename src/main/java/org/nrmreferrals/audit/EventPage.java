package org.nrmreferrals.audit;

import java.util.List;

/** A page of the change feed. */
public record EventPage(List<AuditEventView> events, String nextCursor) {}
