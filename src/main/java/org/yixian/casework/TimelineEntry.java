package org.yixian.casework;

import java.time.OffsetDateTime;

/**
 * One entry of a case's history.
 */
public record TimelineEntry(OffsetDateTime at, String actor, String actorUnit, String action, String fromStatus,
		String toStatus, String comment, boolean visibleToCitizen) {
}
