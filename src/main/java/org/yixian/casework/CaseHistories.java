package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timelines of all cases in id order, page by page, as the domain events carried
 * them: for a module that keeps derived figures (metrics) and must be able to recompute
 * them from the history alone. Each step carries its structured payload and the time of
 * the act ({@code at}).
 */
@Component
public class CaseHistories {

	private final JdbcClient jdbc;

	CaseHistories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} cases with ids above {@code afterId}, each with its timeline.
	 */
	@Transactional(readOnly = true)
	public List<History> after(long afterId, int limit) {
		Map<Long, History> cases = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					select c.id, c.kind, a.code as area_code, cat.code as category_code, acc.code as accused_code, c.received_at
					from cases c join units a on a.id = c.area_unit_id left join categories cat on cat.id = c.category_id
					  left join units acc on acc.id = c.accused_unit_id
					where c.id > ? order by c.id limit ?""")
			.params(afterId, limit)
			.query((rs) -> {
				long id = rs.getLong("id");
				cases.put(id,
						new History(id, CaseKind.valueOf(rs.getString("kind")), rs.getString("area_code"),
								rs.getString("category_code"), rs.getString("accused_code"),
								rs.getObject("received_at", OffsetDateTime.class), new ArrayList<>()));
			});
		if (cases.isEmpty()) {
			return List.of();
		}
		this.jdbc.sql("""
				select case_id, at, action, from_status, to_status, payload::text as payload
				from case_events where case_id = any(?) order by case_id, id""")
			.param(cases.keySet().toArray(Long[]::new))
			.query((rs) -> {
				String from = rs.getString("from_status");
				String to = rs.getString("to_status");
				List<Step> steps = cases.get(rs.getLong("case_id")).steps();
				steps.add(new Step(steps.size(), rs.getObject("at", OffsetDateTime.class), rs.getString("action"),
						(from != null) ? CaseStatus.valueOf(from) : null, (to != null) ? CaseStatus.valueOf(to) : null,
						Timeline.parse(rs.getString("payload"))));
			});
		return List.copyOf(cases.values());
	}

	/**
	 * A case as registered, and its timeline in the order it was written.
	 */
	public record History(long caseId, CaseKind kind, String areaUnitCode, String categoryCode, String accusedUnitCode,
			OffsetDateTime receivedAt, List<Step> steps) {
	}

	/**
	 * One entry of the timeline as {@link CaseEvents.Transitioned} carries it; here its
	 * {@code sequence} is its position in the timeline.
	 */
	public record Step(long sequence, OffsetDateTime at, String action, CaseStatus from, CaseStatus to,
			Map<String, Object> payload) {
	}

}
