package org.yixian.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.InvalidInputException;

@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApiController {

	private final BusinessCalendar calendar;

	private final ZoneId zone;

	CalendarApiController(BusinessCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.zone = clock.getZone();
	}

	/**
	 * The deadline engine itself: when a period of {@code amount} {@code unit}s that
	 * starts at {@code from} ends.
	 */
	@GetMapping("/due")
	@PreAuthorize("isAuthenticated()")
	Due due(@RequestParam(required = false) String from, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String unit) {
		List<FieldMessage> problems = new ArrayList<>();
		OffsetDateTime start = null;
		if (from == null || from.isBlank()) {
			problems.add(new FieldMessage("from", "NotNull"));
		}
		else {
			start = parse(from.strip());
			if (start == null) {
				problems.add(new FieldMessage("from", "typeMismatch"));
			}
			else if (start.getYear() < 2000 || start.getYear() > 2100) {
				problems.add(new FieldMessage("from", "Range", 2000, 2100));
				start = null;
			}
		}
		Integer count = null;
		try {
			count = (amount != null) ? Integer.valueOf(amount.strip()) : null;
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldMessage("amount", "typeMismatch"));
		}
		if (amount == null) {
			problems.add(new FieldMessage("amount", "NotNull"));
		}
		else if (count != null && (count < 1 || count > 3650)) {
			problems.add(new FieldMessage("amount", "Range", 1, 3650));
		}
		PeriodUnit period = null;
		if (unit == null || unit.isBlank()) {
			problems.add(new FieldMessage("unit", "NotNull"));
		}
		else {
			try {
				period = PeriodUnit.valueOf(unit.strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldMessage("unit", "typeMismatch"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Due(start, count, period, this.calendar.deadline(start, new TimeLimit(count, period)));
	}

	private OffsetDateTime parse(String text) {
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(text).atStartOfDay(this.zone).toOffsetDateTime();
			}
			catch (DateTimeParseException notDate) {
				return null;
			}
		}
	}

	/**
	 * The answer of {@code GET /calendar/due}.
	 */
	record Due(OffsetDateTime from, int amount, PeriodUnit unit, OffsetDateTime dueAt) {
	}

	@GetMapping("/{year}")
	@PreAuthorize("isAuthenticated()")
	CalendarYear get(@PathVariable int year) {
		return this.calendar.get(year);
	}

	@PutMapping("/{year}")
	@PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_CITY')")
	CalendarYear put(@PathVariable int year, @Valid @RequestBody CalendarYear days,
			@AuthenticationPrincipal UserDetails actor) {
		return this.calendar.put(year, days, actor.getUsername());
	}

}
