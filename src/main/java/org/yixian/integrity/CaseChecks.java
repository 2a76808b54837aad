package org.yixian.integrity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yixian.casework.CaseChains;
import org.yixian.casework.CaseTexts;
import org.yixian.casework.TimelineEntry;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;

/**
 * The detectors that look at one case: bounced between units, a weak reply, back-dated
 * entries, a complaint recoded as a consultation after dispatch. Each reads the case
 * through casework's public API and raises at most one flag of its kind.
 */
@Component
class CaseChecks {

	private final CaseChains chains;

	private final CaseTexts texts;

	private final Units units;

	private final Flags flags;

	private final JdbcClient jdbc;

	private final IntegritySettings settings;

	CaseChecks(CaseChains chains, CaseTexts texts, Units units, Flags flags, JdbcClient jdbc,
			IntegritySettings settings) {
		this.chains = chains;
		this.texts = texts;
		this.units = units;
		this.flags = flags;
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * Runs every check on a case.
	 */
	void all(long caseId) {
		bounced(caseId);
		reply(caseId);
		backdated(caseId);
		recoded(caseId);
	}

	boolean bounced(long caseId) {
		List<TimelineEntry> entries = this.chains.entries(caseId);
		List<Map<String, Object>> returns = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			TimelineEntry e = entries.get(i);
			if ("return".equals(e.action())) {
				Object reason = (e.payload() != null) ? e.payload().get("reason") : null;
				returns.add(entry(i, e, "reason", (reason != null) ? reason : e.comment()));
			}
		}
		if (returns.size() < this.settings.minReturns()) {
			return false;
		}
		return raise(caseId, FlagKind.BOUNCED, null, returns.size() + " 次退单",
				Map.of("returns", returns, "count", returns.size(), "threshold", this.settings.minReturns()));
	}

	boolean reply(long caseId) {
		List<TimelineEntry> entries = this.chains.entries(caseId);
		int last = -1;
		for (int i = 0; i < entries.size(); i++) {
			if ("reply".equals(entries.get(i).action())) {
				last = i;
			}
		}
		if (last < 0) {
			return false;
		}
		TimelineEntry reply = entries.get(last);
		Optional<CaseTexts.CaseText> text = this.texts.textOf(caseId);
		if (text.isEmpty()) {
			return false;
		}
		ReplyCheck.Assessment a = ReplyCheck.assess(text.get().title(), text.get().content(), reply.comment(),
				this.settings.minReplyChars(), this.settings.minKeyTermCoverage());
		if (!a.weak()) {
			return false;
		}
		Object unit = (reply.payload() != null) ? reply.payload().get("unitCode") : null;
		String unitCode = (unit != null) ? unit.toString() : reply.actorUnit();
		Map<String, Object> evidence = new LinkedHashMap<>();
		evidence.put("reply", entry(last, reply, "excerpt", excerpt(reply.comment())));
		evidence.put("length", a.length());
		evidence.put("minLength", this.settings.minReplyChars());
		evidence.put("tooShort", a.tooShort());
		evidence.put("keyTerms", a.keyTerms());
		evidence.put("covered", a.covered());
		evidence.put("missing", a.missing());
		evidence.put("missesTerms", a.missesTerms());
		String summary = (a.tooShort() ? "答复仅 " + a.length() + " 字" : "答复")
				+ (a.missesTerms() ? "，未提及：" + String.join("、", a.missing()) : "");
		return raise(caseId, FlagKind.WEAK_REPLY, unitCode, summary, evidence);
	}

	boolean backdated(long caseId) {
		List<TimelineEntry> entries = this.chains.entries(caseId);
		List<Map<String, Object>> late = new ArrayList<>();
		Duration longest = Duration.ZERO;
		for (int i = 0; i < entries.size(); i++) {
			TimelineEntry e = entries.get(i);
			if (!e.backdated() || e.recordedAt() == null) {
				continue;
			}
			Duration lag = Duration.between(e.at(), e.recordedAt());
			if (lag.compareTo(this.settings.backdatedAfter()) >= 0) {
				Map<String, Object> item = entry(i, e, "recordedAt", e.recordedAt().toString());
				item.put("lagMinutes", lag.toMinutes());
				item.put("lag", human(lag));
				late.add(item);
				longest = (lag.compareTo(longest) > 0) ? lag : longest;
			}
		}
		if (late.isEmpty()) {
			return false;
		}
		return raise(caseId, FlagKind.BACKDATED, null, late.size() + " 条倒填记录，最长提前 " + human(longest),
				Map.of("entries", late, "longestMinutes", longest.toMinutes(), "thresholdMinutes",
						this.settings.backdatedAfter().toMinutes()));
	}

	boolean recoded(long caseId) {
		Optional<Map<String, Object>> facts = this.jdbc.sql("""
				select registered_type, category_code, dispatched_at, dispatched_unit_code from integrity_case_facts
				where case_id = ? and registered_type = 'COMPLAINT' and dispatched_at is not null""")
			.param(caseId)
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("registeredType", rs.getString("registered_type"));
				m.put("registeredCategory", rs.getString("category_code"));
				m.put("dispatchedAt", rs.getObject("dispatched_at", java.time.OffsetDateTime.class).toString());
				m.put("dispatchedTo", rs.getString("dispatched_unit_code"));
				return m;
			})
			.optional();
		if (facts.isEmpty()) {
			return false;
		}
		String now = this.chains.currentType(caseId).orElse(null);
		if (!"CONSULT".equals(now)) {
			return false;
		}
		Map<String, Object> evidence = new LinkedHashMap<>(facts.get());
		evidence.put("currentType", now);
		this.texts.textOf(caseId).ifPresent((t) -> evidence.put("currentCategory", t.categoryCode()));
		boolean recorded = this.chains.entries(caseId)
			.stream()
			.anyMatch((e) -> e.payload() != null && e.payload().containsKey("type"));
		evidence.put("onTimeline", recorded);
		return raise(caseId, FlagKind.RECODED, (String) facts.get().get("dispatchedTo"),
				"派单后由投诉改为咨询" + (recorded ? "" : "（时间线无记录）"), evidence);
	}

	private boolean raise(long caseId, FlagKind kind, String unitCode, String summary, Map<String, Object> evidence) {
		Optional<CaseTexts.CaseText> text = this.texts.textOf(caseId);
		if (text.isEmpty()) {
			return false;
		}
		CaseTexts.CaseText c = text.get();
		Optional<Unit> unit = Optional.ofNullable(unitCode).flatMap(this.units::findByCode);
		String code = unit.map(Unit::code).orElse(c.areaUnitCode());
		String path = unit.map(Unit::path).orElse(c.areaPath());
		List<Long> accused = (c.accusedUnitId() != null) ? List.of(c.accusedUnitId()) : List.of();
		return this.flags.raise(new Flags.NewFlag(kind, kind + ":" + caseId, caseId, c.number(), code, path, accused,
				null, summary, evidence));
	}

	private static Map<String, Object> entry(int index, TimelineEntry e, String key, Object value) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("sequence", index + 1);
		item.put("action", e.action());
		item.put("at", e.at().toString());
		item.put("actor", e.actor());
		item.put("unit", e.actorUnit());
		item.put(key, value);
		return item;
	}

	static String excerpt(String text) {
		if (text == null) {
			return "";
		}
		return (text.length() <= 200) ? text : text.substring(0, 200) + "…";
	}

	static String human(Duration lag) {
		if (lag.toDays() >= 1) {
			return lag.toDays() + " 天 " + lag.toHoursPart() + " 小时";
		}
		if (lag.toHours() >= 1) {
			return lag.toHours() + " 小时 " + lag.toMinutesPart() + " 分";
		}
		return lag.toMinutes() + " 分钟";
	}

}
