package org.yixian.calendar;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A period such as "5 working days" or "24 hours": {@code {amount, unit}} on the wire.
 */
public record TimeLimit(@NotNull @Min(1) @Max(3650) Integer amount, @NotNull PeriodUnit unit) {

	public static TimeLimit hours(int amount) {
		return new TimeLimit(amount, PeriodUnit.HOURS);
	}

	public static TimeLimit workingDays(int amount) {
		return new TimeLimit(amount, PeriodUnit.WORKING_DAYS);
	}

	public static TimeLimit calendarDays(int amount) {
		return new TimeLimit(amount, PeriodUnit.CALENDAR_DAYS);
	}

}
