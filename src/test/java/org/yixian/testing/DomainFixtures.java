package org.yixian.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yixian.calendar.BusinessCalendar;
import org.yixian.calendar.CalendarYear;
import org.yixian.casework.CaseFile;

/**
 * What the domain tests of both tracks share: the business calendar of 2025 and 2026 as
 * the State Council published it (the same days as migration V0005), without a database,
 * and readers of the timeline entries a change appended.
 */
public final class DomainFixtures {

	private DomainFixtures() {
	}

	public static BusinessCalendar calendar(Clock clock) {
		return BusinessCalendar.inMemory(clock, Map.of(2025, year2025(), 2026, year2026()));
	}

	public static CaseFile.NewEvent lastEvent(CaseFile file) {
		List<CaseFile.NewEvent> events = file.newEvents();
		return events.get(events.size() - 1);
	}

	public static List<String> actions(CaseFile file) {
		return file.newEvents().stream().map(CaseFile.NewEvent::action).toList();
	}

	/**
	 * 国办发明电〔2024〕12号.
	 */
	static CalendarYear year2025() {
		return new CalendarYear(
				days("2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06", "2025-05-01..2025-05-05",
						"2025-05-31..2025-06-02", "2025-10-01..2025-10-08"),
				days("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"));
	}

	/**
	 * 国务院办公厅 2025-11-04: Spring Festival Feb 15–23, make-up working days Feb 14 and Feb
	 * 28.
	 */
	static CalendarYear year2026() {
		return new CalendarYear(days("2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06",
				"2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27", "2026-10-01..2026-10-07"),
				days("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"));
	}

	private static List<LocalDate> days(String... spans) {
		List<LocalDate> days = new ArrayList<>();
		for (String span : spans) {
			String[] ends = span.split("\\.\\.");
			LocalDate last = LocalDate.parse(ends[ends.length - 1]);
			for (LocalDate day = LocalDate.parse(ends[0]); !day.isAfter(last); day = day.plusDays(1)) {
				days.add(day);
			}
		}
		return days;
	}

}
