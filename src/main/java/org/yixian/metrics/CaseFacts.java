package org.yixian.metrics;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What one case contributes to the roll-ups now: its facts, and its live clock if it is
 * open (the unit leading it, the deadline running, a signature still owed).
 */
record CaseFacts(List<Fact> facts, Open open) {

	/**
	 * One count (and an optional sum, such as handling seconds) for a unit on a day.
	 */
	record Fact(Measure measure, String unitCode, java.time.LocalDate day, String categoryCode, long n, long value) {

		Fact(Measure measure, String unitCode, java.time.LocalDate day) {
			this(measure, unitCode, day, "", 1, 0);
		}

	}

	/**
	 * An open case's clock: {@code dueAt} the deadline running (REPLY for a demand not
	 * yet answered, DECIDE for a petition not yet decided), and the dispatch whose
	 * signature is still owed.
	 */
	record Open(String unitCode, OffsetDateTime dueAt, OffsetDateTime dispatchedAt, OffsetDateTime signDueAt) {
	}

}
