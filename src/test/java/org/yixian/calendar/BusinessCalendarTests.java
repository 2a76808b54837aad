package org.yixian.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.yixian.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deadlines over the 2026 calendar shipped as data (Spring Festival, National Day and
 * their make-up working days), counted as the API contract says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BusinessCalendarTests {

	@Autowired
	BusinessCalendar calendar;

	@ParameterizedTest(name = "{0} + {1} {2} → {3}")
	@CsvSource({
			// working days across the Spring Festival: Feb 14 (Sat) is a make-up working
			// day, Feb 15–23 are off
			"2026-02-12T10:00+08:00, 5, WORKING_DAYS, 2026-02-26T23:59:59+08:00",
			"2026-02-13T18:30+08:00, 1, WORKING_DAYS, 2026-02-14T23:59:59+08:00",
			"2026-02-14T09:00+08:00, 1, WORKING_DAYS, 2026-02-24T23:59:59+08:00",
			// working days across National Day: Oct 1–7 off, Oct 10 (Sat) a make-up
			// working day
			"2026-09-30T16:00+08:00, 5, WORKING_DAYS, 2026-10-13T23:59:59+08:00",
			"2026-10-09T11:00+08:00, 1, WORKING_DAYS, 2026-10-10T23:59:59+08:00",
			// a plain week: Friday + 1 working day is Monday
			"2026-11-27T15:00+08:00, 1, WORKING_DAYS, 2026-11-30T23:59:59+08:00",
			// calendar days ending on a holiday move to the end of the next working day
			"2026-09-28T10:00+08:00, 3, CALENDAR_DAYS, 2026-10-08T23:59:59+08:00",
			"2026-02-10T10:00+08:00, 5, CALENDAR_DAYS, 2026-02-24T23:59:59+08:00",
			// ending on an ordinary Sunday moves to Monday; on a make-up Sunday it stays
			"2026-11-26T10:00+08:00, 3, CALENDAR_DAYS, 2026-11-30T23:59:59+08:00",
			"2026-09-17T10:00+08:00, 3, CALENDAR_DAYS, 2026-09-20T23:59:59+08:00",
			// the petition clock: 60 days from receipt
			"2026-08-03T09:00+08:00, 60, CALENDAR_DAYS, 2026-10-08T23:59:59+08:00",
			// hours are elapsed hours, holidays or not
			"2026-02-14T10:00+08:00, 24, HOURS, 2026-02-15T10:00+08:00",
			"2026-09-30T22:30+08:00, 2, HOURS, 2026-10-01T00:30+08:00",
			// a time given in UTC counts by the local (Asia/Shanghai) day of receipt
			"2026-02-13T17:00Z, 1, WORKING_DAYS, 2026-02-24T23:59:59+08:00" })
	void deadlines_follow_the_contracts_counting_rules(OffsetDateTime start, int amount, PeriodUnit unit,
			OffsetDateTime expected) {
		assertThat(this.calendar.deadline(start, new TimeLimit(amount, unit)).toInstant())
			.isEqualTo(expected.toInstant());
	}

	@Test
	void the_2026_holidays_and_make_up_days_are_shipped_as_data() {
		assertThat(this.calendar.hasDataFor(2025)).isTrue();
		assertThat(this.calendar.hasDataFor(2026)).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 6, 19))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();
		assertThat(this.calendar.get(2026).workdays()).containsExactly(LocalDate.of(2026, 1, 4),
				LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9),
				LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
	}

	@Test
	void a_year_without_data_counts_weekends_only_until_an_administrator_enters_it() {
		assertThat(this.calendar.hasDataFor(2031)).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2031, 1, 4))).isFalse();
		this.calendar.put(2031, new CalendarYear(List.of(LocalDate.of(2031, 1, 1)), List.of(LocalDate.of(2031, 1, 4))),
				"test");
		assertThat(this.calendar.hasDataFor(2031)).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2031, 1, 4))).isTrue();
	}

	@Test
	void dates_of_another_year_or_both_kinds_at_once_are_refused_by_field() {
		assertThatThrownBy(() -> this.calendar.put(2032,
				new CalendarYear(List.of(LocalDate.of(2033, 1, 1), LocalDate.of(2032, 5, 1)),
						List.of(LocalDate.of(2032, 5, 1))),
				"test"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting((e) -> e.field())
						.containsExactly("holidays[0]", "workdays[0]"));
		assertThat(this.calendar.hasDataFor(2032)).isFalse();
	}

}
