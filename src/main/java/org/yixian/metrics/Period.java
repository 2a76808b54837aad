package org.yixian.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.yixian.shared.InvalidInputException;

/**
 * Whole days {@code from}–{@code to} in the installation's zone; by default the current
 * month up to today. At most five years.
 */
record Period(LocalDate from, LocalDate to) {

	static final int MAX_DAYS = 5 * 366;

	static Period of(LocalDate from, LocalDate to, Clock clock) {
		LocalDate today = LocalDate.now(clock);
		LocalDate start = (from != null) ? from : ((to != null) ? to.withDayOfMonth(1) : today.withDayOfMonth(1));
		LocalDate end = (to != null) ? to : today;
		if (end.isBefore(start)) {
			throw new InvalidInputException("to", "metrics.toBeforeFrom");
		}
		if (start.plusDays(MAX_DAYS).isBefore(end)) {
			throw new InvalidInputException("from", "metrics.periodTooLong", MAX_DAYS);
		}
		return new Period(start, end);
	}

	static Period month(YearMonth month) {
		return new Period(month.atDay(1), month.atEndOfMonth());
	}

	Period previousMonth() {
		YearMonth month = YearMonth.from(this.from).minusMonths(1);
		return month(month);
	}

}
