package org.yixian.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.yixian.calendar.TimeLimit;

/**
 * {@code POST /api/v1/time-limits}: {@code type} and {@code categoryCode} may be null (=
 * any).
 */
public record NewTimeLimitPolicy(@NotNull CaseKindName caseKind, @Size(max = 20) String type,
		@Size(max = 32) String categoryCode, @Valid TimeLimit signWithin, @Valid TimeLimit replyWithin) {

	/**
	 * The two kinds of case, as routing names them.
	 */
	public enum CaseKindName {

		DEMAND, PETITION

	}

}
