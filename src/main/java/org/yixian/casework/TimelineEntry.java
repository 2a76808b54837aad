package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One entry of a case's history: when it happened ({@code at}), when it was recorded,
 * whether it was back-dated, who did it, the transition, and the action's values as data.
 */
public record TimelineEntry(OffsetDateTime at, OffsetDateTime recordedAt, boolean backdated, String actor,
		String actorName, String actorUnit, String actorUnitName, String action, String fromStatus, String toStatus,
		String comment, boolean visibleToCitizen, Map<String, Object> payload) {
}
