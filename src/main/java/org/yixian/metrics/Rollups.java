package org.yixian.metrics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes what a case contributes: its facts replace the ones it had, the counters move by
 * the difference (so a back-dated act or a later visit corrects the totals in the same
 * transaction), and its live clock replaces the one it had.
 */
@Component
class Rollups {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final UnitDirectory units;

	Rollups(JdbcClient jdbc, JdbcTemplate template, UnitDirectory units) {
		this.jdbc = jdbc;
		this.template = template;
		this.units = units;
	}

	/**
	 * A counter's key: one measure of a unit on a day, for the cases naming one unit as
	 * complained about (0: none) in one category ('' but for registrations).
	 */
	record Key(String measure, LocalDate day, long unitId, long accusedUnitId, String categoryCode) {
	}

	/**
	 * Replaces the case's contribution.
	 * @param oldAccused the unit complained about that the old facts were counted with
	 */
	void replace(long caseId, String kind, long oldAccused, long newAccused, CaseFacts facts) {
		Map<Key, long[]> delta = new HashMap<>();
		this.jdbc.sql("select measure, unit_id, day, category_code, n, value from metric_facts where case_id = ?")
			.param(caseId)
			.query((rs) -> {
				Key key = new Key(rs.getString("measure"), rs.getObject("day", LocalDate.class), rs.getLong("unit_id"),
						oldAccused, rs.getString("category_code"));
				add(delta, key, -rs.getLong("n"), -rs.getLong("value"));
			});
		Map<Key, long[]> fresh = aggregate(facts, newAccused);
		fresh.forEach((key, nv) -> add(delta, key, nv[0], nv[1]));
		List<Object[]> changes = new ArrayList<>();
		delta.forEach((key, nv) -> {
			if (nv[0] != 0 || nv[1] != 0) {
				changes.add(new Object[] { key.measure(), Date.valueOf(key.day()), key.unitId(), key.accusedUnitId(),
						key.categoryCode(), nv[0], nv[1] });
			}
		});
		this.template.batchUpdate("""
				insert into metric_counts (measure, day, unit_id, accused_unit_id, category_code, n, value)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (measure, day, unit_id, accused_unit_id, category_code)
				do update set n = metric_counts.n + excluded.n, value = metric_counts.value + excluded.value""",
				changes);
		this.jdbc.sql("delete from metric_facts where case_id = ?").param(caseId).update();
		insertFacts(caseId, fresh);
		this.jdbc.sql("delete from metric_open where case_id = ?").param(caseId).update();
		insertOpen(caseId, kind, newAccused, facts.open());
	}

	void insertFacts(long caseId, Map<Key, long[]> facts) {
		List<Object[]> rows = new ArrayList<>();
		facts.forEach((key, nv) -> rows.add(new Object[] { caseId, key.measure(), key.unitId(), Date.valueOf(key.day()),
				key.categoryCode(), nv[0], nv[1] }));
		this.template.batchUpdate(
				"insert into metric_facts (case_id, measure, unit_id, day, category_code, n, value) values (?, ?, ?, ?, ?, ?, ?)",
				rows);
	}

	void insertOpen(long caseId, String kind, long accused, CaseFacts.Open open) {
		Long unit = (open != null) ? this.units.id(open.unitCode()) : null;
		if (unit == null) {
			return;
		}
		this.jdbc.sql("""
				insert into metric_open (case_id, kind, unit_id, accused_unit_id, due_at, dispatched_at, sign_due_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, kind, unit, accused, open.dueAt(), open.dispatchedAt(), open.signDueAt())
			.update();
	}

	/**
	 * The facts summed per key; facts of unknown units are left out.
	 */
	Map<Key, long[]> aggregate(CaseFacts facts, long accused) {
		Map<Key, long[]> sums = new HashMap<>();
		for (CaseFacts.Fact fact : facts.facts()) {
			Long unit = this.units.id(fact.unitCode());
			if (unit != null) {
				add(sums, new Key(fact.measure().name(), fact.day(), unit, accused, fact.categoryCode()), fact.n(),
						fact.value());
			}
		}
		return sums;
	}

	static void add(Map<Key, long[]> sums, Key key, long n, long value) {
		long[] nv = sums.computeIfAbsent(key, (k) -> new long[2]);
		nv[0] += n;
		nv[1] += value;
	}

	/**
	 * Adds totals to the counters (the rebuild writes them once at the end).
	 */
	void addCounts(Map<Key, long[]> totals) {
		List<Object[]> rows = new ArrayList<>();
		totals.forEach((key, nv) -> rows.add(new Object[] { key.measure(), Date.valueOf(key.day()), key.unitId(),
				key.accusedUnitId(), key.categoryCode(), nv[0], nv[1] }));
		for (int from = 0; from < rows.size(); from += 5000) {
			this.template.batchUpdate("""
					insert into metric_counts (measure, day, unit_id, accused_unit_id, category_code, n, value)
					values (?, ?, ?, ?, ?, ?, ?)
					on conflict (measure, day, unit_id, accused_unit_id, category_code)
					do update set n = metric_counts.n + excluded.n, value = metric_counts.value + excluded.value""",
					rows.subList(from, Math.min(rows.size(), from + 5000)));
		}
	}

}
