package org.yixian.demand;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yixian.calendar.BusinessCalendar;
import org.yixian.calendar.CalendarYear;
import org.yixian.calendar.TimeLimit;
import org.yixian.casework.ActionContext;
import org.yixian.casework.CaseFile;
import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseStatus;
import org.yixian.casework.DeadlineKind;
import org.yixian.casework.DemandType;
import org.yixian.casework.UnitRef;
import org.yixian.casework.UnitRole;
import org.yixian.casework.UnitTask;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Actors;
import org.yixian.organisation.Role;
import org.yixian.routing.Routing.Limits;

/**
 * A district with its hotline centre, a street with a community, and three bureaus; the
 * people who work the district's demands; the 2025 and 2026 calendars as migration V0005
 * ships them; and the default time limits of a demand (sign within 24 hours, reply within
 * 5 working days).
 */
final class DemandFixture {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T00:00:00Z"), SHANGHAI);

	static final Limits LIMITS = new Limits(TimeLimit.hours(24), TimeLimit.workingDays(5));

	static final UnitRef DISTRICT = new UnitRef(2, "QS", "青山区", "/1/2/", 1);

	static final UnitRef STREET = new UnitRef(3, "QS-HP", "和平街道", "/1/2/3/", 2);

	static final UnitRef COMMUNITY = new UnitRef(7, "QS-HP-01", "和平社区", "/1/2/3/7/", 3);

	static final UnitRef HOUSING = new UnitRef(4, "QS-ZJ", "区住建局", "/1/2/4/", 2);

	static final UnitRef WATER = new UnitRef(5, "QS-SW", "区水务局", "/1/2/5/", 2);

	static final UnitRef CITY_MANAGEMENT = new UnitRef(6, "QS-CG", "区城管局", "/1/2/6/", 2);

	static final long HOTLINE_ID = 9;

	static final Actor DISPATCHER = Actors.of("dispatcher", HOTLINE_ID, "QS-12345", "/1/2/9/", "/1/2/",
			Role.DISPATCHER);

	static final Actor OPERATOR = Actors.of("operator", HOTLINE_ID, "QS-12345", "/1/2/9/", "/1/2/", Role.OPERATOR);

	static final Actor STREET_HANDLER = Actors.of("hp-handler", 3, "QS-HP", "/1/2/3/", "/1/2/3/", Role.HANDLER);

	static final Actor COMMUNITY_HANDLER = Actors.of("hp01-handler", 7, "QS-HP-01", "/1/2/3/7/", "/1/2/3/7/",
			Role.HANDLER);

	static final Actor HOUSING_HANDLER = Actors.of("zj-handler", 4, "QS-ZJ", "/1/2/4/", "/1/2/4/", Role.HANDLER);

	static final Actor WATER_HANDLER = Actors.of("sw-handler", 5, "QS-SW", "/1/2/5/", "/1/2/5/", Role.HANDLER);

	static final Actor SUPERVISOR = Actors.of("supervisor", 2, "QS", "/1/2/", "/1/2/", Role.SUPERVISOR);

	private DemandFixture() {
	}

	static BusinessCalendar calendar() {
		return BusinessCalendar.inMemory(CLOCK, Map.of(2025, year2025(), 2026, year2026()));
	}

	/**
	 * A time on the Shanghai wall clock, {@code 2026-02-12T10:00}.
	 */
	static OffsetDateTime at(String local) {
		return LocalDateTime.parse(local).atZone(SHANGHAI).toOffsetDateTime();
	}

	static ActionContext by(CaseFile file, Actor actor, String local) {
		return ActionContext.of(file, actor, at(local));
	}

	static CaseFile demand(DemandType type) {
		CaseFile file = CaseFile.inMemory(1001, "QS12345-20260212-0001", CaseKind.DEMAND, type.name(), DISTRICT,
				CaseStatus.REGISTERED);
		file.receivedAt(at("2026-02-12T09:40"));
		return file;
	}

	static OffsetDateTime dueAt(CaseFile file, DeadlineKind kind) {
		return file.deadline(kind).orElseThrow(() -> new AssertionError("no " + kind + " deadline")).dueAt();
	}

	static OffsetDateTime metAt(CaseFile file, DeadlineKind kind) {
		return file.deadline(kind).orElseThrow(() -> new AssertionError("no " + kind + " deadline")).metAt();
	}

	static UnitTask task(CaseFile file, UnitRef unit, UnitRole role) {
		return file.task(unit.id(), role).orElseThrow(() -> new AssertionError("no " + role + " task of " + unit));
	}

	static CaseFile.NewEvent lastEvent(CaseFile file) {
		List<CaseFile.NewEvent> events = file.newEvents();
		return events.get(events.size() - 1);
	}

	static List<String> actions(CaseFile file) {
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
