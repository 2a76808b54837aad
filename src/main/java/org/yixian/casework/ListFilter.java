package org.yixian.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The work list's filters as typed in the page's address (dates, unit, overdue), read
 * leniently: a value that cannot be read is named and left out, never a failed page.
 */
public record ListFilter(String from, String to, String unitCode, String overdue) {

	/**
	 * The query of a work list with these filters.
	 */
	CaseQuery query(CaseStatus status, String text, CaseQuery.Inbox inbox, ZoneId zone, List<String> unreadable) {
		OffsetDateTime start = day(this.from, zone, "from", unreadable);
		OffsetDateTime end = day(this.to, zone, "to", unreadable);
		String unit = (this.unitCode == null || this.unitCode.isBlank()) ? null : this.unitCode.strip();
		if (unit != null && !unit.matches("[A-Za-z0-9_-]{1,32}")) {
			unreadable.add("unitCode");
			unit = null;
		}
		return new CaseQuery(status, unit, null, "true".equals(this.overdue) ? Boolean.TRUE : null, text, start,
				(end != null) ? end.plusDays(1) : null, inbox);
	}

	public boolean isEmpty() {
		return blank(this.from) && blank(this.to) && blank(this.unitCode) && blank(this.overdue);
	}

	private static OffsetDateTime day(String value, ZoneId zone, String field, List<String> unreadable) {
		if (blank(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip()).atStartOfDay(zone).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			unreadable.add(field);
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	static List<String> problems() {
		return new ArrayList<>();
	}

}
