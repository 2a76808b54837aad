package org.yixian.demand;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.yixian.calendar.BusinessCalendar;
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
import org.yixian.testing.DomainFixtures;
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

	static CaseFile.NewEvent lastEvent(CaseFile file) {
		return DomainFixtures.lastEvent(file);
	}

	static List<String> actions(CaseFile file) {
		return DomainFixtures.actions(file);
	}

	static BusinessCalendar calendar() {
		return DomainFixtures.calendar(CLOCK);
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

}
