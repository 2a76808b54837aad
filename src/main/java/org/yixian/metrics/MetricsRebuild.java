package org.yixian.metrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.casework.CaseHistories;
import org.yixian.casework.CaseHistories.History;
import org.yixian.casework.CaseHistories.Step;

import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes every roll-up from casework's timeline, from scratch and in one transaction
 * (the event listeners wait on the table lock meanwhile): the same calculation the
 * listener makes, case by case, with the counters summed in memory and written once.
 * {@link #recount()} does the calculation without writing, for checking the maintained
 * counters.
 */
@Component
class MetricsRebuild {

	static final int PAGE = 1000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CaseHistories histories;

	private final JdbcTemplate template;

	private final Rollups rollups;

	private final UnitDirectory units;

	private final FactCalculator calculator;

	MetricsRebuild(CaseHistories histories, JdbcTemplate template, Rollups rollups, UnitDirectory units, Clock clock) {
		this.histories = histories;
		this.template = template;
		this.rollups = rollups;
		this.units = units;
		this.calculator = new FactCalculator(clock.getZone());
	}

	/**
	 * @return the number of cases replayed
	 */
	@Transactional
	long rebuild() {
		this.template.execute("lock table metric_cases in exclusive mode");
		this.template.execute("truncate metric_steps, metric_facts, metric_counts, metric_open, metric_cases");
		Map<Rollups.Key, long[]> totals = new HashMap<>();
		long cases = 0;
		long after = 0;
		List<History> page;
		while (!(page = this.histories.after(after, PAGE)).isEmpty()) {
			List<Object[]> caseRows = new ArrayList<>();
			List<Object[]> stepRows = new ArrayList<>();
			for (History history : page) {
				long accused = this.units.idOrZero(history.accusedUnitCode());
				caseRows.add(new Object[] { history.caseId(), history.kind().name(),
						this.units.id(history.areaUnitCode()), history.categoryCode(), accused, history.receivedAt() });
				List<Step> steps = published(history);
				for (Step step : steps) {
					stepRows.add(new Object[] { history.caseId(), step.sequence(), step.at(), step.action(),
							name(step.from()), name(step.to()),
							JSON.writeValueAsString((step.payload() != null) ? step.payload() : Map.of()) });
				}
				CaseFacts facts = compute(history, steps);
				Map<Rollups.Key, long[]> sums = this.rollups.aggregate(facts, accused);
				this.rollups.insertFacts(history.caseId(), sums);
				sums.forEach((key, nv) -> Rollups.add(totals, key, nv[0], nv[1]));
				this.rollups.insertOpen(history.caseId(), history.kind().name(), accused, facts.open());
				after = history.caseId();
				cases++;
			}
			this.template.batchUpdate(
					"""
							insert into metric_cases (case_id, kind, area_unit_id, category_code, accused_unit_id, received_at, registered)
							values (?, ?, ?, ?, ?, ?, true)""",
					caseRows);
			this.template.batchUpdate("""
					insert into metric_steps (case_id, seq, at, action, from_status, to_status, payload)
					values (?, ?, ?, ?, ?, ?, ?::jsonb)""", stepRows);
		}
		this.rollups.addCounts(totals);
		return cases;
	}

	/**
	 * The counters as a from-scratch recount of the timeline would have them (non-zero
	 * keys only).
	 */
	@Transactional(readOnly = true)
	Map<Rollups.Key, List<Long>> recount() {
		Map<Rollups.Key, long[]> totals = new HashMap<>();
		long after = 0;
		List<History> page;
		while (!(page = this.histories.after(after, PAGE)).isEmpty()) {
			for (History history : page) {
				long accused = this.units.idOrZero(history.accusedUnitCode());
				this.rollups.aggregate(compute(history, published(history)), accused)
					.forEach((key, nv) -> Rollups.add(totals, key, nv[0], nv[1]));
				after = history.caseId();
			}
		}
		Map<Rollups.Key, List<Long>> result = new HashMap<>();
		totals.forEach((key, nv) -> {
			if (nv[0] != 0 || nv[1] != 0) {
				result.put(key, List.of(nv[0], nv[1]));
			}
		});
		return result;
	}

	private CaseFacts compute(History history, List<Step> steps) {
		return this.calculator.compute(history.kind(), history.areaUnitCode(), history.categoryCode(),
				history.receivedAt(), steps);
	}

	/**
	 * The steps that casework publishes as events (not the registration itself, nor an
	 * attachment note).
	 */
	private static List<Step> published(History history) {
		return history.steps()
			.stream()
			.filter((s) -> !"register".equals(s.action()) && !"attach".equals(s.action()))
			.toList();
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

}
