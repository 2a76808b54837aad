package org.yixian.metrics;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yixian.casework.CaseEvents;
import org.yixian.casework.CaseHistories.Step;
import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseStatus;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the roll-ups current from casework's events, each in its own transaction after
 * the case's commit (retried from the event publication registry if it fails): the step
 * is copied into {@code metric_steps}, the case's facts are recomputed from all its steps
 * and the counters move by the difference. Events of one case may arrive in any order
 * (the case's row is locked, and the figures depend on the steps' times, not on arrival).
 */
@Component
class MetricsFeed {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Rollups rollups;

	private final UnitDirectory units;

	private final FactCalculator calculator;

	MetricsFeed(JdbcClient jdbc, Rollups rollups, UnitDirectory units, Clock clock) {
		this.jdbc = jdbc;
		this.rollups = rollups;
		this.units = units;
		this.calculator = new FactCalculator(clock.getZone());
	}

	@ApplicationModuleListener
	void on(CaseEvents.Registered event) {
		long oldAccused = lock(event.caseId());
		this.jdbc.sql("""
				update metric_cases set kind = ?, area_unit_id = ?, category_code = ?, accused_unit_id = ?,
				  received_at = ?, registered = true where case_id = ?""")
			.params(event.kind().name(), this.units.id(event.areaUnitCode()), event.categoryCode(),
					this.units.idOrZero(event.accusedUnitCode()), event.at(), event.caseId())
			.update();
		recompute(event.caseId(), oldAccused);
	}

	@ApplicationModuleListener
	void on(CaseEvents.Transitioned event) {
		long oldAccused = lock(event.caseId());
		this.jdbc.sql("update metric_cases set kind = coalesce(kind, ?) where case_id = ?")
			.params(event.kind().name(), event.caseId())
			.update();
		this.jdbc.sql("""
				insert into metric_steps (case_id, seq, at, action, from_status, to_status, lead_unit, payload)
				values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
			.params(event.caseId(), event.sequence(), event.at(), event.action(),
					(event.from() != null) ? event.from().name() : null,
					(event.to() != null) ? event.to().name() : null, event.leadUnitCode(),
					JSON.writeValueAsString((event.payload() != null) ? event.payload() : java.util.Map.of()))
			.update();
		recompute(event.caseId(), oldAccused);
	}

	/**
	 * Creates the case's row if needed and locks it.
	 * @return the unit complained about that its facts are counted with now
	 */
	private long lock(long caseId) {
		this.jdbc.sql("insert into metric_cases (case_id) values (?) on conflict do nothing").param(caseId).update();
		return this.jdbc.sql("select accused_unit_id from metric_cases where case_id = ? for update")
			.param(caseId)
			.query(Long.class)
			.single();
	}

	private static CaseStatus status(String name) {
		return (name != null) ? CaseStatus.valueOf(name) : null;
	}

	private void recompute(long caseId, long oldAccused) {
		record Info(String kind, String area, String category, long accused, OffsetDateTime receivedAt) {
		}
		Info info = this.jdbc.sql("""
				select m.kind, u.code as area, m.category_code, m.accused_unit_id, m.received_at
				from metric_cases m left join units u on u.id = m.area_unit_id where m.case_id = ?""")
			.param(caseId)
			.query((rs, n) -> new Info(rs.getString("kind"), rs.getString("area"), rs.getString("category_code"),
					rs.getLong("accused_unit_id"), rs.getObject("received_at", OffsetDateTime.class)))
			.single();
		List<Step> steps = new ArrayList<>();
		this.jdbc.sql("""
				select seq, at, action, from_status, to_status, payload::text as payload
				from metric_steps where case_id = ? order by seq""").param(caseId).query((rs) -> {
			steps.add(new Step(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class), rs.getString("action"),
					status(rs.getString("from_status")), status(rs.getString("to_status")),
					JSON.readValue(rs.getString("payload"), new TypeReference<Map<String, Object>>() {
					})));
		});
		CaseKind kind = (info.kind() != null) ? CaseKind.valueOf(info.kind()) : CaseKind.DEMAND;
		CaseFacts facts = this.calculator.compute(kind, info.area(), info.category(), info.receivedAt(), steps);
		this.rollups.replace(caseId, kind.name(), oldAccused, info.accused(), facts);
	}

}
