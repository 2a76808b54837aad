package org.yixian.integrity;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;

/**
 * The return-visit patterns over one calendar month of recorded visits: one phone number
 * answering the visits of many cases, a unit at 100% satisfaction while many of its
 * callers come back with another case, and many visits recorded by one person within
 * minutes. One open flag per pattern, subject and month (a burst: per person and day).
 */
@Component
class VisitPatterns {

	private final JdbcClient jdbc;

	private final Units units;

	private final Flags flags;

	private final IntegritySettings settings;

	private final ZoneId zone;

	VisitPatterns(JdbcClient jdbc, Units units, Flags flags, IntegritySettings settings, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.flags = flags;
		this.settings = settings;
		this.zone = clock.getZone();
	}

	/**
	 * Scans one month.
	 * @return the flags newly opened
	 */
	int scan(YearMonth month) {
		List<Visit> visits = visits(month);
		return onePhone(visits, month) + allSatisfied(visits, month) + bursts(visits);
	}

	private List<Visit> visits(YearMonth month) {
		OffsetDateTime from = month.atDay(1).atStartOfDay(this.zone).toOffsetDateTime();
		OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(this.zone).toOffsetDateTime();
		return this.jdbc.sql("""
				select v.case_id, v.case_number, v.recorded_at, v.actor, v.actor_unit_code, v.unit_code, v.satisfaction,
				       v.caller_hash, f.accused_unit_code,
				       exists (select 1 from integrity_case_facts g where g.caller_hash = v.caller_hash
				               and g.case_id <> v.case_id) as repeat
				from integrity_visits v left join integrity_case_facts f on f.case_id = v.case_id
				where v.recorded_at >= ? and v.recorded_at < ? order by v.actor, v.recorded_at, v.id""")
			.params(from, to)
			.query((rs, n) -> new Visit(rs.getLong("case_id"), rs.getString("case_number"),
					rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("actor"),
					rs.getString("actor_unit_code"), rs.getString("unit_code"), rs.getString("satisfaction"),
					rs.getString("caller_hash"), rs.getString("accused_unit_code"), rs.getBoolean("repeat")))
			.list();
	}

	private int onePhone(List<Visit> visits, YearMonth month) {
		int opened = 0;
		Map<String, List<Visit>> byPhone = visits.stream()
			.filter((v) -> v.callerHash() != null)
			.collect(Collectors.groupingBy(Visit::callerHash, LinkedHashMap::new, Collectors.toList()));
		for (Map.Entry<String, List<Visit>> e : byPhone.entrySet()) {
			List<Visit> group = e.getValue();
			long cases = group.stream().map(Visit::caseId).distinct().count();
			if (cases < this.settings.phoneCases()) {
				continue;
			}
			String phone = e.getKey().substring(0, 12);
			Map<String, Object> evidence = new LinkedHashMap<>();
			evidence.put("phoneHash", phone);
			evidence.put("cases", numbers(group));
			evidence.put("caseCount", cases);
			evidence.put("threshold", this.settings.phoneCases());
			evidence.put("ratedUnits", distinct(group, Visit::unitCode));
			evidence.put("recordedBy", distinct(group, Visit::actor));
			opened += raise(FlagKind.VISIT_ONE_PHONE, "phone:" + phone, mode(group, Visit::unitCode), month.toString(),
					"同一号码回访答复 " + cases + " 件", evidence, group);
		}
		return opened;
	}

	private int allSatisfied(List<Visit> visits, YearMonth month) {
		int opened = 0;
		Map<String, List<Visit>> byUnit = visits.stream()
			.filter((v) -> v.unitCode() != null)
			.collect(Collectors.groupingBy(Visit::unitCode, LinkedHashMap::new, Collectors.toList()));
		for (Map.Entry<String, List<Visit>> e : byUnit.entrySet()) {
			List<Visit> group = e.getValue();
			boolean all = group.stream().allMatch((v) -> "SATISFIED".equals(v.satisfaction()));
			List<String> repeats = group.stream().filter(Visit::repeat).map(Visit::caseNumber).distinct().toList();
			if (group.size() < this.settings.satisfiedVisits() || !all
					|| repeats.size() < this.settings.satisfiedRepeats()) {
				continue;
			}
			Map<String, Object> evidence = new LinkedHashMap<>();
			evidence.put("visits", group.size());
			evidence.put("satisfiedShare", 1.0);
			evidence.put("repeatCases", repeats);
			evidence.put("repeatCount", repeats.size());
			evidence.put("thresholds",
					Map.of("visits", this.settings.satisfiedVisits(), "repeats", this.settings.satisfiedRepeats()));
			opened += raise(FlagKind.VISIT_ALL_SATISFIED, "unit:" + e.getKey(), e.getKey(), month.toString(),
					"满意率 100%（" + group.size() + " 次回访），但 " + repeats.size() + " 件来电人再次来电", evidence, group);
		}
		return opened;
	}

	private int bursts(List<Visit> visits) {
		int opened = 0;
		Map<String, List<Visit>> byActor = visits.stream()
			// citizens' online ratings share one name but are not one person's work;
			// those
			// from one browser ("@citizen:" and its fingerprint) are
			.filter((v) -> v.actor() != null && !org.yixian.organisation.Actor.CITIZEN.equals(v.actor()))
			.collect(Collectors.groupingBy(Visit::actor, LinkedHashMap::new, Collectors.toList()));
		long window = this.settings.burstMinutes() * 60L;
		for (Map.Entry<String, List<Visit>> e : byActor.entrySet()) {
			List<Visit> list = e.getValue();
			int bestStart = 0;
			int bestEnd = 0;
			for (int start = 0, end = 0; start < list.size(); start++) {
				while (end < list.size()
						&& java.time.Duration.between(list.get(start).recordedAt(), list.get(end).recordedAt())
							.toSeconds() <= window) {
					end++;
				}
				if (end - start > bestEnd - bestStart) {
					bestStart = start;
					bestEnd = end;
				}
			}
			List<Visit> burst = list.subList(bestStart, bestEnd);
			if (burst.size() < this.settings.burstVisits()) {
				continue;
			}
			OffsetDateTime first = burst.get(0).recordedAt();
			OffsetDateTime last = burst.get(burst.size() - 1).recordedAt();
			long seconds = java.time.Duration.between(first, last).toSeconds();
			String day = first.atZoneSameInstant(this.zone).toLocalDate().toString();
			Map<String, Object> evidence = new LinkedHashMap<>();
			evidence.put("actor", e.getKey());
			evidence.put("visits", burst.size());
			evidence.put("from", first.toString());
			evidence.put("to", last.toString());
			evidence.put("seconds", seconds);
			evidence.put("cases", numbers(burst));
			evidence.put("thresholds",
					Map.of("visits", this.settings.burstVisits(), "minutes", this.settings.burstMinutes()));
			opened += raise(FlagKind.VISIT_BURST, "actor:" + e.getKey(), burst.get(0).actorUnitCode(), day,
					e.getKey() + " 在 " + Math.max(1, (seconds + 59) / 60) + " 分钟内录入 " + burst.size() + " 次回访", evidence,
					burst);
		}
		return opened;
	}

	private int raise(FlagKind kind, String subject, String unitCode, String period, String summary,
			Map<String, Object> evidence, List<Visit> visits) {
		Optional<Unit> unit = Optional.ofNullable(unitCode).flatMap(this.units::findByCode);
		if (unit.isEmpty()) {
			return 0;
		}
		List<Long> accused = visits.stream()
			.map(Visit::accusedUnitCode)
			.filter((c) -> c != null)
			.distinct()
			.map(this.units::findByCode)
			.flatMap(Optional::stream)
			.map(Unit::id)
			.toList();
		boolean opened = this.flags.raise(new Flags.NewFlag(kind, kind + ":" + subject + ":" + period, null, null,
				unit.get().code(), unit.get().path(), accused, period, summary, evidence));
		return opened ? 1 : 0;
	}

	private static List<String> numbers(List<Visit> visits) {
		return distinct(visits, Visit::caseNumber);
	}

	private static List<String> distinct(List<Visit> visits, Function<Visit, String> field) {
		return new ArrayList<>(visits.stream()
			.map(field)
			.filter((s) -> s != null)
			.collect(Collectors.toCollection(LinkedHashSet::new)));
	}

	private static String mode(List<Visit> visits, Function<Visit, String> field) {
		return visits.stream()
			.map(field)
			.filter((s) -> s != null)
			.collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()))
			.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElse(null);
	}

	record Visit(long caseId, String caseNumber, OffsetDateTime recordedAt, String actor, String actorUnitCode,
			String unitCode, String satisfaction, String callerHash, String accusedUnitCode, boolean repeat) {
	}

}
