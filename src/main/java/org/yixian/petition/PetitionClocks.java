package org.yixian.petition;

import org.yixian.calendar.TimeLimit;

/**
 * The clocks of 《信访工作条例》 (contract: "Petitions — Clocks").
 */
final class PetitionClocks {

	/** Register and route within 15 days (art. 21, 22). */
	static final TimeLimit REGISTER = TimeLimit.calendarDays(15);

	/** Tell the petitioner within 15 days whether it is accepted (art. 24). */
	static final TimeLimit NOTIFY = TimeLimit.calendarDays(15);

	/** A unit that got a wrong transfer objects within 5 working days. */
	static final TimeLimit OBJECT = TimeLimit.workingDays(5);

	/** Decide within 60 days (art. 32). */
	static final TimeLimit DECIDE = TimeLimit.calendarDays(60);

	/** At most 30 days more, once, with reasons told to the petitioner. */
	static final int MAX_EXTENSION_DAYS = 30;

	/** 复查 and 复核: requested within 30 days of the written reply, decided within 30. */
	static final TimeLimit REQUEST_WINDOW = TimeLimit.calendarDays(30);

	static final TimeLimit REVIEW = TimeLimit.calendarDays(30);

	private PetitionClocks() {
	}

}
