package org.yixian.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.shared.InvalidInputException;

/**
 * Administrators' page for the business calendar, with a warning when this or next year
 * has no data yet.
 */
@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_CITY')")
class CalendarPageController {

	private final BusinessCalendar calendar;

	private final Clock clock;

	CalendarPageController(BusinessCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	@GetMapping
	String page(@RequestParam(required = false) Integer year, Model model) {
		int thisYear = LocalDate.now(this.clock).getYear();
		int shown = (year != null) ? year : thisYear;
		CalendarYear days = this.calendar.get(shown);
		TreeSet<Integer> years = new TreeSet<>(this.calendar.yearsWithData());
		years.add(thisYear);
		years.add(thisYear + 1);
		List<Integer> missing = new ArrayList<>();
		for (int y : List.of(thisYear, thisYear + 1)) {
			if (!this.calendar.hasDataFor(y)) {
				missing.add(y);
			}
		}
		model.addAttribute("year", shown);
		model.addAttribute("years", years);
		model.addAttribute("missing", missing);
		model.addAttribute("hasData", this.calendar.hasDataFor(shown));
		model.addAttribute("holidays", String.join("\n", days.holidays().stream().map(LocalDate::toString).toList()));
		model.addAttribute("workdays", String.join("\n", days.workdays().stream().map(LocalDate::toString).toList()));
		return "admin/calendar";
	}

	@PostMapping
	String save(@RequestParam int year, @RequestParam String holidays, @RequestParam String workdays,
			@AuthenticationPrincipal UserDetails actor, RedirectAttributes redirect) {
		try {
			this.calendar.put(year, new CalendarYear(parse(holidays, "holidays"), parse(workdays, "workdays")),
					actor.getUsername());
			redirect.addFlashAttribute("notice", "calendar.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.errors().get(0).key());
		}
		return "redirect:/admin/calendar?year=" + year;
	}

	private static List<LocalDate> parse(String text, String field) {
		List<LocalDate> days = new ArrayList<>();
		for (String line : text.split("[\\s,，;；]+")) {
			if (!line.isBlank()) {
				try {
					days.add(LocalDate.parse(line.strip()));
				}
				catch (DateTimeParseException ex) {
					throw new InvalidInputException(field, "calendar.badDate", line);
				}
			}
		}
		return days;
	}

}
