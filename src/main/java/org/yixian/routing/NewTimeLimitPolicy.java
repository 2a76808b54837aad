package org.yixian.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.yixian.calendar.TimeLimit;

/**
 * {@code POST /api/v1/time-limits}: {@code type} and {@code categoryCode} may be null (=
 * any). A policy for a scope that already has one replaces it only with {@code replace:
 * true} (409 otherwise), so that the default is never overwritten by accident.
 */
public record NewTimeLimitPolicy(@NotNull CaseKindName caseKind, @Size(max = 20) String type,
		@Size(max = 32) String categoryCode, @Valid TimeLimit signWithin, @Valid TimeLimit replyWithin,
		Boolean replace) {

	/**
	 * A policy for a scope that has none yet.
	 */
	public NewTimeLimitPolicy(CaseKindName caseKind, String type, String categoryCode, TimeLimit signWithin,
			TimeLimit replyWithin) {
		this(caseKind, type, categoryCode, signWithin, replyWithin, false);
	}

	/**
	 * The two kinds of case, as routing names them.
	 */
	public enum CaseKindName {

		DEMAND, PETITION

	}

}
