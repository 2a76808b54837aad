package org.yixian.integrity;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yixian.casework.CaseChains;
import org.yixian.casework.CaseEvents;
import org.yixian.casework.CaseTexts;
import org.yixian.casework.TimelineEntry;

/**
 * Keeps integrity's facts from the case core's events and runs the checks of the case
 * concerned: what a case was registered as, when it was first dispatched, every return
 * visit with who recorded it and when. Events may arrive in any order and more than once
 * (the publication registry retries), so every write is idempotent.
 */
@Component
class CaseWatch {

	private final JdbcClient jdbc;

	private final CaseTexts texts;

	private final CaseChains chains;

	private final CaseChecks checks;

	CaseWatch(JdbcClient jdbc, CaseTexts texts, CaseChains chains, CaseChecks checks) {
		this.jdbc = jdbc;
		this.texts = texts;
		this.chains = chains;
		this.checks = checks;
	}

	@ApplicationModuleListener
	void on(CaseEvents.Registered event) {
		String caller = this.texts.textOf(event.caseId()).map(CaseTexts.CaseText::callerHash).orElse(null);
		this.jdbc.sql("""
				insert into integrity_case_facts (case_id, number, registered_type, category_code, area_unit_code,
				  accused_unit_code, caller_hash, registered_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (case_id) do update set registered_type = excluded.registered_type,
				  category_code = excluded.category_code, area_unit_code = excluded.area_unit_code,
				  accused_unit_code = excluded.accused_unit_code, caller_hash = excluded.caller_hash,
				  registered_at = excluded.registered_at""")
			.params(event.caseId(), event.number(), event.type(), event.categoryCode(), event.areaUnitCode(),
					event.accusedUnitCode(), caller, event.at())
			.update();
		this.checks.backdated(event.caseId());
		this.checks.recoded(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseEvents.Assigned event) {
		this.jdbc
			.sql("""
					insert into integrity_case_facts (case_id, number, dispatched_at, dispatched_unit_code) values (?, ?, ?, ?)
					on conflict (case_id) do update set
					  dispatched_unit_code = case when integrity_case_facts.dispatched_at is null or excluded.dispatched_at
					    < integrity_case_facts.dispatched_at then excluded.dispatched_unit_code
					    else integrity_case_facts.dispatched_unit_code end,
					  dispatched_at = least(integrity_case_facts.dispatched_at, excluded.dispatched_at)""")
			.params(event.caseId(), event.number(), event.at(), event.unitCode())
			.update();
		this.checks.recoded(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseEvents.Transitioned event) {
		switch (event.action()) {
			case "return" -> this.checks.bounced(event.caseId());
			case "reply" -> this.checks.reply(event.caseId());
			case "return-visit" -> visit(event);
			default -> {
			}
		}
		this.checks.backdated(event.caseId());
		this.checks.recoded(event.caseId());
	}

	private void visit(CaseEvents.Transitioned event) {
		List<TimelineEntry> entries = this.chains.entries(event.caseId());
		TimelineEntry entry = entries.stream()
			.filter((e) -> "return-visit".equals(e.action())
					&& e.at().toInstant().equals(event.at().truncatedTo(ChronoUnit.MICROS).toInstant()))
			.reduce((a, b) -> b)
			.orElse(null);
		if (entry == null) {
			return;
		}
		Map<String, Object> payload = (event.payload() != null) ? event.payload() : Map.of();
		String caller = this.texts.textOf(event.caseId()).map(CaseTexts.CaseText::callerHash).orElse(null);
		this.jdbc.sql("""
				insert into integrity_visits (case_id, case_number, at, recorded_at, actor, actor_unit_code, unit_code,
				  satisfaction, caller_hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(event.caseId(), event.number(), entry.at(),
					(entry.recordedAt() != null) ? entry.recordedAt() : entry.at(), visitor(event.actor(), payload),
					event.actorUnit(), text(payload.get("unitCode")), text(payload.get("satisfaction")), caller)
			.update();
	}

	/**
	 * Who recorded a visit; a citizen's online ratings by where they came from
	 * ("@citizen:" and the keyed fingerprint of the browser), so that many ratings from
	 * one source fall under the burst rule like one person's.
	 */
	static String visitor(String actor, Map<String, Object> payload) {
		Object source = payload.get("source");
		return (org.yixian.organisation.Actor.CITIZEN.equals(actor) && source != null) ? actor + ":" + source : actor;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
