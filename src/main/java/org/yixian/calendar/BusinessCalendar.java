package org.yixian.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.shared.ClusterSignals;
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.InvalidInputException;

/**
 * Working days and deadlines. A working day is Monday to Friday, minus the year's days
 * off, plus its make-up working days; a year without data counts weekends only. Years are
 * read from the database once and cached until an administrator changes them.
 */
@Service
public class BusinessCalendar {

	private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ZoneId zone;

	private final Clock clock;

	private final Map<Integer, YearDays> years = new ConcurrentHashMap<>();

	private final ClusterSignals.Invalidation invalidation;

	BusinessCalendar(JdbcClient jdbc, AuditLog audit, Clock clock, ClusterSignals signals) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.zone = clock.getZone();
		this.invalidation = (signals != null) ? signals.invalidation("calendar", this.years::clear) : null;
	}

	/**
	 * A calendar with the given years and no database, for domain tests; other years
	 * count weekends only.
	 */
	public static BusinessCalendar inMemory(Clock clock, Map<Integer, CalendarYear> years) {
		BusinessCalendar calendar = new BusinessCalendar(null, null, clock, null);
		for (int year = 2000; year <= 2100; year++) {
			CalendarYear days = years.get(year);
			calendar.years.put(year,
					(days != null) ? new YearDays(true, Set.copyOf(days.holidays()), Set.copyOf(days.workdays()))
							: new YearDays(false, Set.of(), Set.of()));
		}
		return calendar;
	}

	public boolean isWorkingDay(LocalDate day) {
		YearDays year = year(day.getYear());
		if (year.holidays().contains(day)) {
			return false;
		}
		if (year.workdays().contains(day)) {
			return true;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	public boolean hasDataFor(int year) {
		return year(year).known();
	}

	/**
	 * The end of a period that starts at {@code start}, counted as the contract says.
	 */
	public OffsetDateTime deadline(OffsetDateTime start, TimeLimit limit) {
		int amount = limit.amount();
		if (limit.unit() == PeriodUnit.HOURS) {
			return start.plusHours(amount);
		}
		LocalDate day = start.atZoneSameInstant(this.zone).toLocalDate();
		if (limit.unit() == PeriodUnit.CALENDAR_DAYS) {
			day = day.plusDays(amount);
			while (!isWorkingDay(day)) {
				day = day.plusDays(1);
			}
		}
		else {
			int counted = 0;
			while (counted < amount) {
				day = day.plusDays(1);
				if (isWorkingDay(day)) {
					counted++;
				}
			}
		}
		return day.atTime(END_OF_DAY).atZone(this.zone).toOffsetDateTime();
	}

	@Transactional(readOnly = true)
	public CalendarYear get(int year) {
		checkYear(year);
		YearDays days = year(year);
		return new CalendarYear(new ArrayList<>(new TreeSet<>(days.holidays())),
				new ArrayList<>(new TreeSet<>(days.workdays())));
	}

	@Transactional(readOnly = true)
	public List<Integer> yearsWithData() {
		return this.jdbc.sql("select year from calendar_years order by year").query(Integer.class).list();
	}

	/**
	 * Replaces a year's days off and make-up working days.
	 */
	@Transactional
	public CalendarYear put(int year, CalendarYear days, String actor) {
		checkYear(year);
		List<FieldMessage> problems = new ArrayList<>();
		Set<LocalDate> holidays = new HashSet<>();
		for (int i = 0; i < days.holidays().size(); i++) {
			LocalDate day = days.holidays().get(i);
			if (day == null || day.getYear() != year) {
				problems.add(new FieldMessage("holidays[" + i + "]", "calendar.wrongYear", year));
			}
			holidays.add(day);
		}
		for (int i = 0; i < days.workdays().size(); i++) {
			LocalDate day = days.workdays().get(i);
			if (day == null || day.getYear() != year) {
				problems.add(new FieldMessage("workdays[" + i + "]", "calendar.wrongYear", year));
			}
			else if (holidays.contains(day)) {
				problems.add(new FieldMessage("workdays[" + i + "]", "calendar.bothKinds", day.toString()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.jdbc.sql("delete from calendar_days where day between ? and ?")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.update();
		for (LocalDate day : new TreeSet<>(holidays)) {
			this.jdbc.sql("insert into calendar_days (day, kind) values (?, 'HOLIDAY')").param(day).update();
		}
		for (LocalDate day : new TreeSet<>(days.workdays())) {
			this.jdbc.sql("insert into calendar_days (day, kind) values (?, 'WORKDAY')").param(day).update();
		}
		this.jdbc.sql("""
				insert into calendar_years (year, updated_at, updated_by) values (?, ?, ?)
				on conflict (year) do update set updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
			.params(year, OffsetDateTime.now(this.clock), actor)
			.update();
		this.audit.record(new AuditEvent(actor, null, "CALENDAR_CHANGED", "calendar", Integer.toString(year),
				holidays.size() + " holidays, " + days.workdays().size() + " make-up working days", null));
		this.invalidation.changed();
		return get(year);
	}

	private static void checkYear(int year) {
		if (year < 2000 || year > 2100) {
			throw new InvalidInputException("year", "Range", 2000, 2100);
		}
	}

	private YearDays year(int year) {
		return this.years.computeIfAbsent(year, this::load);
	}

	private YearDays load(int year) {
		boolean known = this.jdbc.sql("select exists (select 1 from calendar_years where year = ?)")
			.param(year)
			.query(Boolean.class)
			.single();
		Set<LocalDate> holidays = new HashSet<>();
		Set<LocalDate> workdays = new HashSet<>();
		this.jdbc.sql("select day, kind from calendar_days where day between ? and ?")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query((rs) -> {
				LocalDate day = rs.getObject("day", LocalDate.class);
				if ("HOLIDAY".equals(rs.getString("kind"))) {
					holidays.add(day);
				}
				else {
					workdays.add(day);
				}
			});
		return new YearDays(known, Set.copyOf(holidays), Set.copyOf(workdays));
	}

	private record YearDays(boolean known, Set<LocalDate> holidays, Set<LocalDate> workdays) {
	}

}
