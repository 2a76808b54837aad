package org.yixian.calendar;

/**
 * How a period is counted.
 */
public enum PeriodUnit {

	/** Elapsed hours from the start. */
	HOURS,
	/**
	 * Ends 23:59:59 of the Nth day after the start day; a day off moves it to the next
	 * working day.
	 */
	CALENDAR_DAYS,
	/** Ends 23:59:59 of the Nth working day after the start day. */
	WORKING_DAYS

}
