package org.yixian.calendar;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApiController {

	private final BusinessCalendar calendar;

	CalendarApiController(BusinessCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping("/{year}")
	@PreAuthorize("isAuthenticated()")
	CalendarYear get(@PathVariable int year) {
		return this.calendar.get(year);
	}

	@PutMapping("/{year}")
	@PreAuthorize("hasRole('ADMIN')")
	CalendarYear put(@PathVariable int year, @Valid @RequestBody CalendarYear days,
			@AuthenticationPrincipal UserDetails actor) {
		return this.calendar.put(year, days, actor.getUsername());
	}

}
