package org.yixian.petition;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.yixian.calendar.BusinessCalendar;
import org.yixian.casework.ActionContext;
import org.yixian.casework.CaseDocuments.DocumentKind;
import org.yixian.casework.CaseFile;
import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseStatus;
import org.yixian.casework.DeadlineKind;
import org.yixian.casework.UnitRef;
import org.yixian.casework.UnitRole;
import org.yixian.casework.UnitTask;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Actors;
import org.yixian.organisation.Role;
import org.yixian.testing.DomainFixtures;
import org.yixian.petition.PetitionAction.DecisionOutcome;
import org.yixian.shared.TimeDisplay;

/**
 * A city government above a district government, the district's petition office and two
 * bureaus; the people who work the district's petitions; the 2025 and 2026 calendars as
 * migration V0005 ships them; and written decisions that are recorded instead of being
 * rendered and stored.
 */
final class PetitionFixture {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T00:00:00Z"), SHANGHAI);

	static final UnitRef CITY_GOVERNMENT = new UnitRef(1, "SZ", "市人民政府", "/1/", 0);

	static final UnitRef DISTRICT_GOVERNMENT = new UnitRef(2, "QS", "青山区人民政府", "/1/2/", 1);

	static final UnitRef HOUSING = new UnitRef(4, "QS-ZJ", "区住建局", "/1/2/4/", 2);

	static final UnitRef EDUCATION = new UnitRef(10, "QS-JY", "区教育局", "/1/2/10/", 2);

	static final long OFFICE_ID = 8;

	static final Actor OFFICE_DISPATCHER = Actors.of("xf-dispatcher", OFFICE_ID, "QS-XFJ", "/1/2/8/", "/1/2/",
			Role.DISPATCHER);

	static final Actor OFFICE_OPERATOR = Actors.of("xf-operator", OFFICE_ID, "QS-XFJ", "/1/2/8/", "/1/2/",
			Role.OPERATOR);

	static final Actor HOUSING_HANDLER = Actors.of("zj-handler", 4, "QS-ZJ", "/1/2/4/", "/1/2/4/", Role.HANDLER);

	static final Actor HOUSING_LEADER = Actors.of("zj-leader", 4, "QS-ZJ", "/1/2/4/", "/1/2/4/", Role.LEADER);

	static final Actor EDUCATION_HANDLER = Actors.of("jy-handler", 10, "QS-JY", "/1/2/10/", "/1/2/10/", Role.HANDLER);

	static final Actor DISTRICT_HANDLER = Actors.of("qs-handler", 2, "QS", "/1/2/", "/1/2/", Role.HANDLER);

	static final Actor CITY_HANDLER = Actors.of("sz-handler", 1, "SZ", "/1/", "/1/", Role.HANDLER);

	private PetitionFixture() {
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

	/**
	 * A petition as registration leaves it: received at {@code receivedAt}, with its
	 * REGISTER clock (15 calendar days, {@code registerDue}) running.
	 */
	static CaseFile petition(String receivedAt, String registerDue) {
		CaseFile file = CaseFile.inMemory(2001, "QSXF-20260212-0001", CaseKind.PETITION, null, DISTRICT_GOVERNMENT,
				CaseStatus.REGISTERED);
		file.receivedAt(at(receivedAt));
		file.setDeadline(DeadlineKind.REGISTER, OffsetDateTime.parse(registerDue));
		return file;
	}

	static OffsetDateTime dueAt(CaseFile file, DeadlineKind kind) {
		return file.deadline(kind).orElseThrow(() -> new AssertionError("no " + kind + " deadline")).dueAt();
	}

	static OffsetDateTime metAt(CaseFile file, DeadlineKind kind) {
		return file.deadline(kind).orElseThrow(() -> new AssertionError("no " + kind + " deadline")).metAt();
	}

	static UnitTask task(CaseFile file, UnitRef unit) {
		return file.task(unit.id(), UnitRole.LEAD).orElseThrow(() -> new AssertionError("no task of " + unit));
	}

	/**
	 * The letters a workflow issued, each with the id it was given (501, 502, …); nothing
	 * is rendered or stored.
	 */
	static final class RecordingLetters extends PetitionLetters {

		final List<Issued> issued = new ArrayList<>();

		RecordingLetters() {
			super(null, timeDisplay());
		}

		@Override
		long issue(ActionContext context, DocumentKind kind, DecisionOutcome outcome, String text, UnitRef unit) {
			this.issued.add(new Issued(context.at(), kind, outcome, text, unit.code()));
			return 500 + this.issued.size();
		}

		/**
		 * {@code TimeDisplay} has no public constructor, and {@code PetitionLetters}
		 * reads its zone when it is built.
		 */
		private static TimeDisplay timeDisplay() {
			try {
				Constructor<TimeDisplay> constructor = TimeDisplay.class.getDeclaredConstructor(Clock.class);
				constructor.setAccessible(true);
				return constructor.newInstance(CLOCK);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * A letter a workflow issued.
	 */
	record Issued(OffsetDateTime at, DocumentKind kind, DecisionOutcome outcome, String text, String unitCode) {
	}

}
