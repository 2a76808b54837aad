package org.yixian.routing;

import org.yixian.calendar.TimeLimit;

/**
 * A stored time-limit policy; {@code type} and {@code categoryCode} null mean any.
 */
public record TimeLimitPolicy(long id, String caseKind, String type, String categoryCode, TimeLimit signWithin,
		TimeLimit replyWithin) {
}
