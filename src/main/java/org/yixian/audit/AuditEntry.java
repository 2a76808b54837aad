package org.yixian.audit;

import java.time.OffsetDateTime;

/**
 * A stored log line with its place in the hash chain.
 */
public record AuditEntry(long id, OffsetDateTime at, String actor, String actorUnit, String action, String targetType,
		String targetId, String detail, String ip, String hash) {
}
