package org.yixian.casework;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.yixian.calendar.PeriodUnit;

/**
 * The command records that both tracks' actions share. Each action reads only what it
 * needs; {@code version} and {@code at} are read by the core.
 */
public final class CommonCommands {

	private CommonCommands() {
	}

	/**
	 * An action that needs no values.
	 */
	public record None() {
	}

	/**
	 * An action with a free-text note (supervision, contact, closing).
	 */
	public record Note(@Size(max = 2000) String note) {
	}

	/**
	 * An action that must say why (return, reopen, objection, requests).
	 */
	public record Reason(@Size(max = 2000) String reason) {
	}

	/**
	 * {@code merge}: the case this one repeats.
	 */
	public record Merge(Long intoCaseId) {
	}

	/**
	 * {@code escalate}: a unit above the one handling the case, and why.
	 */
	public record Escalate(@Size(max = 32) String unitCode, @Size(max = 2000) String reason) {
	}

	/**
	 * {@code request-extension}.
	 */
	public record Extension(@Min(1) @Max(365) Integer amount, PeriodUnit unit, @Size(max = 2000) String reason) {
	}

	/**
	 * A yes/no decision with an optional comment (extension, review of a reply).
	 */
	public record Decision(Boolean approve, @Size(max = 2000) String comment) {
	}

	/**
	 * The answer to a unit's objection: agree and send it elsewhere, or insist.
	 */
	public record ReviewObjection(ReviewDecision decision, @Size(max = 32) String unitCode,
			@Size(max = 2000) String comment) {
	}

	/**
	 * A decision on an objection.
	 */
	public enum ReviewDecision {

		ACCEPT, REJECT

	}

	/**
	 * {@code dispatch}: the lead unit, assisting units and units that get a copy.
	 */
	public record Dispatch(@Size(max = 32) String unitCode,
			@Size(max = 20) List<@Size(max = 32) String> assistUnitCodes,
			@Size(max = 20) List<@Size(max = 32) String> copyUnitCodes, @Size(max = 2000) String note) {
	}

}
