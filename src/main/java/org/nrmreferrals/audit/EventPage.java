package org.nrmreferrals.audit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the change feed. */
@Schema(name = "EventPage")
public record EventPage(
    List<AuditEventView> events,
    @Schema(
            description =
                "Pass as after for the next page. Always present: keep polling with it; it only"
                    + " moves past events you have been given.")
        String nextCursor) {}
