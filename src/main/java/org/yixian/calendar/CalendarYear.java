package org.yixian.calendar;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;

/**
 * One year's days off and make-up working days: {@code PUT /api/v1/calendar/{year}}.
 */
public record CalendarYear(@NotNull List<LocalDate> holidays, @NotNull List<LocalDate> workdays) {
}
