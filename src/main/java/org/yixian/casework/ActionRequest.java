package org.yixian.casework;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.yixian.calendar.PeriodUnit;

/**
 * The body of {@code POST /cases/{id}/actions/{action}}: the version the caller saw and
 * the values the action needs (each action names the ones it requires).
 */
public record ActionRequest(@NotNull Integer version, @Size(max = 32) String unitCode, List<String> assistUnitCodes,
		List<String> copyUnitCodes, @Size(max = 2000) String reason, ReviewDecision decision,
		@Size(max = 2000) String note, @Min(1) @Max(365) Integer amount, PeriodUnit unit, Boolean approve,
		ReplyResult result, @Size(max = 4000) String text, @Size(max = 2000) String comment, Resolution resolved,
		Satisfaction satisfaction, Long intoCaseId, @Size(max = 200) String title, @Size(max = 4000) String content,
		@Size(max = 32) String categoryCode) {

	/**
	 * A request with only the version, for actions that need nothing else.
	 */
	public static ActionRequest version(int version) {
		return new ActionRequest(version, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null);
	}

	/**
	 * The dispatcher's answer to a unit's objection.
	 */
	public enum ReviewDecision {

		ACCEPT, REJECT

	}

}
