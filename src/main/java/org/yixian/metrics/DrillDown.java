package org.yixian.metrics;

import java.sql.Date;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.casework.CaseLists;
import org.yixian.casework.CaseSummary;
import org.yixian.casework.Confidentiality;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

/**
 * The cases behind a figure: the facts of a measure in a subtree and period, or the live
 * clocks (OVERDUE, BACKLOG, SIGN_PENDING), shown as casework's list rows, which apply the
 * caller's scope and the confidentiality policy once more.
 */
@Component
class DrillDown {

	static final Set<String> LIVE = Set.of("OVERDUE", "BACKLOG", "SIGN_PENDING");

	private final JdbcClient jdbc;

	private final CaseLists lists;

	private final Clock clock;

	DrillDown(JdbcClient jdbc, CaseLists lists, Clock clock) {
		this.jdbc = jdbc;
		this.lists = lists;
		this.clock = clock;
	}

	static String measure(String measure) {
		if (measure == null || measure.isBlank()) {
			throw new InvalidInputException("measure", "NotBlank");
		}
		String name = measure.strip().toUpperCase(java.util.Locale.ROOT);
		if (!LIVE.contains(name) && java.util.Arrays.stream(Measure.values()).noneMatch((m) -> m.name().equals(name))) {
			throw new InvalidInputException("measure", "metrics.unknownMeasure");
		}
		return name;
	}

	@Transactional(readOnly = true)
	PageResult<CaseSummary> cases(Unit unit, Period period, String measure, Actor actor, Paging paging) {
		String name = measure(measure);
		Long[] ancestry = Confidentiality.ancestry(actor);
		String from;
		List<Object> params = new ArrayList<>();
		if (LIVE.contains(name)) {
			OffsetDateTime now = OffsetDateTime.now(this.clock);
			from = """
					from metric_open o join units u on u.id = o.unit_id
					where u.path like ? and o.accused_unit_id <> all(?) and """ + switch (name) {
				case "OVERDUE" -> " o.kind = 'DEMAND' and o.due_at < ?";
				case "BACKLOG" -> " o.kind = 'PETITION' and o.due_at < ?";
				default -> " o.sign_due_at >= ?";
			};
			params.addAll(List.of(unit.path() + "%", ancestry, now));
		}
		else {
			from = """
					from metric_facts o join units u on u.id = o.unit_id join metric_cases m on m.case_id = o.case_id
					where o.measure = ? and u.path like ? and o.day between ? and ? and m.accused_unit_id <> all(?)""";
			params.addAll(
					List.of(name, unit.path() + "%", Date.valueOf(period.from()), Date.valueOf(period.to()), ancestry));
		}
		long total = this.jdbc.sql("select count(distinct o.case_id) " + from)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(paging.size());
		pageParams.add(paging.offset());
		List<Long> ids = this.jdbc
			.sql("select distinct o.case_id " + from + " order by o.case_id desc limit ? offset ?")
			.params(pageParams)
			.query(Long.class)
			.list();
		Map<Long, CaseSummary> found = this.lists.summaries(ids, actor);
		List<CaseSummary> items = ids.stream().map(found::get).filter(Objects::nonNull).toList();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

}
