package org.yixian.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.casework.CaseQueries;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Reading problem classes within the actor's scope: the classes of a period with their
 * volume, and one class with its volume per day, streets, units and example cases. Counts
 * cover member cases whose area lies in the scope (clustering never takes cases that name
 * a unit complained about); every example case passes {@link CaseQueries#canSee}.
 */
@Service
class ClassQueries {

	static final int EXAMPLES = 10;

	private final JdbcClient jdbc;

	private final ClassStore store;

	private final CaseQueries cases;

	private final Units units;

	private final Clock clock;

	ClassQueries(JdbcClient jdbc, ClassStore store, CaseQueries cases, Units units, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.cases = cases;
		this.units = units;
		this.clock = clock;
	}

	/**
	 * The period [from, to] (whole days, local time), by default the last 30 days.
	 */
	Period period(LocalDate from, LocalDate to) {
		LocalDate end = (to != null) ? to : LocalDate.now(this.clock);
		LocalDate start = (from != null) ? from : end.minusDays(29);
		if (start.isAfter(end)) {
			throw new InvalidInputException("from", "insight.period.fromAfterTo");
		}
		if (start.plusYears(3).isBefore(end)) {
			throw new InvalidInputException("from", "insight.period.tooLong");
		}
		return new Period(start, end, this.clock.getZone());
	}

	/**
	 * The scope's path pattern, narrowed to an area unit within it if one is given.
	 */
	String areaPattern(String areaUnitCode, Actor actor) {
		if (areaUnitCode == null || areaUnitCode.isBlank()) {
			return actor.scope().likePattern();
		}
		Unit area = this.units.findByCode(areaUnitCode.strip())
			.filter((u) -> u.isWithin(actor.scope()))
			.orElseThrow(() -> new InvalidInputException("areaUnitCode", "insight.unknownArea"));
		return area.path() + "%";
	}

	@Transactional(readOnly = true)
	List<ProblemClassView> list(Period period, String areaUnitCode, Actor actor) {
		String pattern = areaPattern(areaUnitCode, actor);
		List<long[]> volumes = this.jdbc.sql("""
				select m.class_id, count(*) from insight_class_cases m join insight_classes k on k.id = m.class_id
				where k.status <> 'MERGED' and m.received_at >= ? and m.received_at < ? and m.area_path like ?
				group by m.class_id order by count(*) desc, m.class_id limit 200""")
			.params(period.start(), period.end(), pattern)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		List<ProblemClassView> views = new ArrayList<>();
		for (long[] row : volumes) {
			ClassStore.ClassRow k = this.store.find(row[0]).orElseThrow();
			views.add(new ProblemClassView(k.id(), k.title(), k.status(), k.terms(), row[1],
					examples(k.id(), period, pattern, actor)));
		}
		return views;
	}

	/**
	 * Recent member cases of a class that the actor may open.
	 */
	List<ProblemClassView.CaseRef> examples(long classId, Period period, String pattern, Actor actor) {
		List<ProblemClassView.CaseRef> refs = this.jdbc.sql("""
				select case_id, number, title, received_at from insight_class_cases
				where class_id = ? and received_at >= ? and received_at < ? and area_path like ?
				order by received_at desc, case_id desc limit ?""")
			.params(classId, period.start(), period.end(), pattern, EXAMPLES * 3)
			.query((rs, n) -> new ProblemClassView.CaseRef(rs.getLong("case_id"), rs.getString("number"),
					rs.getString("title"), rs.getObject("received_at", OffsetDateTime.class)))
			.list();
		List<ProblemClassView.CaseRef> visible = new ArrayList<>();
		for (ProblemClassView.CaseRef ref : refs) {
			if (visible.size() < EXAMPLES && this.cases.canSee(ref.id(), actor)) {
				visible.add(ref);
			}
		}
		return visible;
	}

	/**
	 * One class as its page shows it.
	 */
	@Transactional(readOnly = true)
	ClassDetail detail(long id, Period period, Actor actor) {
		ClassStore.ClassRow k = this.store.find(id).orElseThrow(() -> new NotFoundException("class " + id));
		String pattern = actor.scope().likePattern();
		Map<LocalDate, Long> perDay = new LinkedHashMap<>();
		for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
			perDay.put(day, 0L);
		}
		this.jdbc.sql("""
				select (received_at at time zone ?)::date as day, count(*) from insight_class_cases
				where class_id = ? and received_at >= ? and received_at < ? and area_path like ? group by 1""")
			.params(period.zone().getId(), id, period.start(), period.end(), pattern)
			.query((rs) -> {
				LocalDate day = rs.getObject(1, LocalDate.class);
				long count = rs.getLong(2);
				perDay.computeIfPresent(day, (d, v) -> count);
			});
		long total = this.jdbc.sql("select count(*) from insight_class_cases where class_id = ? and area_path like ?")
			.params(id, pattern)
			.query(Long.class)
			.single();
		return new ClassDetail(k, total, perDay, counts("street_unit_code", id, pattern),
				counts("assigned_unit_code", id, pattern), examples(id, period, pattern, actor));
	}

	private List<ClassDetail.Count> counts(String column, long id, String pattern) {
		return this.jdbc
			.sql("select " + column + ", count(*) from insight_class_cases where class_id = ? and area_path like ?"
					+ " and " + column + " is not null group by 1 order by 2 desc limit 8")
			.params(id, pattern)
			.query((rs, n) -> new ClassDetail.Count(rs.getString(1),
					this.units.findByCode(rs.getString(1)).map(Unit::name).orElse(rs.getString(1)), rs.getLong(2)))
			.list();
	}

	/**
	 * Whole local days, and their bounds as instants.
	 */
	record Period(LocalDate from, LocalDate to, ZoneId zone) {

		OffsetDateTime start() {
			return this.from.atStartOfDay(this.zone).toOffsetDateTime();
		}

		OffsetDateTime end() {
			return this.to.plusDays(1).atStartOfDay(this.zone).toOffsetDateTime();
		}

	}

	/**
	 * A class with what its page shows.
	 */
	record ClassDetail(ClassStore.ClassRow k, long total, Map<LocalDate, Long> perDay, List<Count> streets,
			List<Count> units, List<ProblemClassView.CaseRef> examples) {

		record Count(String code, String name, long count) {
		}

	}

}
