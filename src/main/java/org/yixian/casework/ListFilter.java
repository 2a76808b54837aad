package org.yixian.casework;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The work list's filters and order as typed in the page's address (dates, unit,
 * category, overdue, sort), read leniently: a value that cannot be read is named and left
 * out, never a failed page.
 */
public record ListFilter(String from, String to, String unitCode, String categoryCode, String overdue, String sort) {

	private static final String CODE = "[A-Za-z0-9_.-]{1,32}";

	/**
	 * The query of a work list with these filters.
	 */
	CaseQuery query(CaseStatus status, String text, CaseQuery.Inbox inbox, ZoneId zone, List<String> unreadable) {
		OffsetDateTime start = day(this.from, zone, "from", unreadable);
		OffsetDateTime end = day(this.to, zone, "to", unreadable);
		String unit = code(this.unitCode, "unitCode", unreadable);
		String category = code(this.categoryCode, "categoryCode", unreadable);
		return new CaseQuery(status, unit, null, "true".equals(this.overdue) ? Boolean.TRUE : null, text, start,
				(end != null) ? end.plusDays(1) : null, inbox, category, order(unreadable));
	}

	/**
	 * The order picked, or null for the list's own.
	 */
	CaseQuery.Sort order(List<String> unreadable) {
		if (blank(this.sort)) {
			return null;
		}
		try {
			return CaseQuery.Sort.valueOf(this.sort.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			unreadable.add("sort");
			return null;
		}
	}

	/**
	 * Whether a filter narrows the list (the order does not count).
	 */
	public boolean isEmpty() {
		return blank(this.from) && blank(this.to) && blank(this.unitCode) && blank(this.categoryCode)
				&& blank(this.overdue);
	}

	/**
	 * The list's address parameters with these filters, the given order and without the
	 * page, ready to follow {@code ?} or {@code &}.
	 */
	String parameters(CaseQuery.Inbox inbox, String text, CaseStatus status, CaseQuery.Sort order) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("inbox", (inbox != null) ? inbox.name() : null);
		all.put("q", text);
		all.put("status", (status != null) ? status.name() : null);
		all.put("from", this.from);
		all.put("to", this.to);
		all.put("unitCode", this.unitCode);
		all.put("categoryCode", this.categoryCode);
		all.put("overdue", this.overdue);
		all.put("sort", (order != null) ? order.name() : null);
		StringBuilder out = new StringBuilder();
		all.forEach((name, value) -> {
			if (value != null && !(value.isBlank() && !name.equals("q"))) {
				out.append(out.isEmpty() ? "" : "&")
					.append(name)
					.append('=')
					.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
		});
		return out.toString();
	}

	private static String code(String value, String field, List<String> unreadable) {
		if (blank(value)) {
			return null;
		}
		String code = value.strip();
		if (!code.matches(CODE)) {
			unreadable.add(field);
			return null;
		}
		return code;
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
