package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The domain events of the case core, published with Spring Modulith's event publication
 * registry so that other modules (insight, metrics, frontline) subscribe instead of
 * reading casework's tables. Every event carries the act's time ({@code at}), not the
 * time it was recorded.
 */
public final class CaseEvents {

	private CaseEvents() {
	}

	/**
	 * A case was registered through some channel.
	 */
	public record Registered(long caseId, String number, CaseKind kind, String type, String channel,
			String areaUnitCode, String categoryCode, String accusedUnitCode, OffsetDateTime at, String actor,
			String actorUnitCode) {
	}

	/**
	 * A named action changed a case (or only its history: a contact, a supervision).
	 * {@code leadUnitCode} is the unit leading the case after the action.
	 * {@code sequence} orders a case's events as they were written (the case's version
	 * after the write times {@link #PER_WRITE}, plus the entry's position in it),
	 * whatever order listeners receive them in and whatever their {@code at}.
	 */
	public record Transitioned(long caseId, String number, CaseKind kind, String action, CaseStatus from, CaseStatus to,
			OffsetDateTime at, String actor, String actorUnit, String leadUnitCode, Map<String, Object> payload,
			long sequence) {

		/** Room for the entries of one write in {@link #sequence}. */
		public static final long PER_WRITE = 65_536;

	}

	/**
	 * A case went to the unit that will handle it (dispatch, re-dispatch, transfer,
	 * escalation).
	 */
	public record Assigned(long caseId, String number, CaseKind kind, String unitCode, String action,
			OffsetDateTime at) {
	}

	/**
	 * A case reached a finished state (closed, final, not accepted, merged).
	 */
	public record Finished(long caseId, String number, CaseKind kind, CaseStatus status, OffsetDateTime at) {
	}

}
