package org.yixian.audit;

import java.time.OffsetDateTime;

/**
 * Filters of the operation log; every part may be null.
 */
public record AuditQuery(String actor, String action, OffsetDateTime from, OffsetDateTime to) {
}
