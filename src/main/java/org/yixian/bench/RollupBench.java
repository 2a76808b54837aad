package org.yixian.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scorecard as the metrics module answers it, from its roll-ups, timed over HTTP. The
 * bulk loader writes cases straight into PostgreSQL and publishes no events, so the
 * roll-up rows those cases would have produced (per measure, day and unit) are derived
 * from them once in SQL first; what is timed is {@code GET /api/v1/metrics/scorecard} for
 * last month, streets and districts, median of five.
 */
final class RollupBench {

	private RollupBench() {
	}

	static Map<String, Object> measure(Connection db, HttpLoad http, String leader) throws Exception {
		Map<String, Object> out = new LinkedHashMap<>();
		try (Statement st = db.createStatement()) {
			if (count(st, "select count(*) from metric_counts") < 1000) {
				long t0 = System.nanoTime();
				st.execute(FILL);
				out.put("rollupFillSeconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
			}
			out.put("rollupRows", count(st, "select count(*) from metric_counts"));
		}
		YearMonth month = YearMonth.now().minusMonths(1);
		for (String kind : List.of("STREET", "DISTRICT")) {
			String path = "/api/v1/metrics/scorecard?unitKind=" + kind + "&from=" + month.atDay(1) + "&to="
					+ month.atEndOfMonth();
			List<Double> runs = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				long t0 = System.nanoTime();
				HttpResponse<String> response = http.send(http.get(path, leader));
				if (response.statusCode() != 200) {
					throw new IllegalStateException(path + " → " + response.statusCode());
				}
				if (i > 0) {
					runs.add(Math.round((System.nanoTime() - t0) / 1e5) / 10.0);
				}
			}
			runs.sort(Double::compare);
			out.put("scorecard" + kind.charAt(0) + kind.substring(1).toLowerCase() + "Ms", runs.get(2));
		}
		out.put("month", month.toString());
		out.put("measuredOn", LocalDate.now().toString());
		return out;
	}

	private static long count(Statement st, String sql) throws Exception {
		try (ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * The counters of the loaded cases: dispatches, signatures in time, visits and
	 * answers.
	 */
	private static final String FILL = """
			insert into metric_counts (measure, day, unit_id, accused_unit_id, category_code, n, value)
			select m.measure, m.day, m.unit_id, 0, '', count(*), 0 from (
			  select 'DISPATCHED' as measure, (c.dispatched_at at time zone 'Asia/Shanghai')::date as day,
			         c.assigned_unit_id as unit_id
			  from cases c where c.dispatched_at is not null and c.assigned_unit_id is not null
			  union all
			  select 'SIGNED_IN_TIME', (c.dispatched_at at time zone 'Asia/Shanghai')::date, c.assigned_unit_id
			  from cases c join case_deadlines s on s.case_id = c.id and s.kind = 'SIGN'
			  where s.met_at is not null and s.met_at <= s.due_at and c.assigned_unit_id is not null
			  union all
			  select 'VISITED', (coalesce(c.visited_at, c.closed_at) at time zone 'Asia/Shanghai')::date,
			         c.assigned_unit_id
			  from cases c where c.visit_resolved is not null and c.assigned_unit_id is not null
			  union all
			  select 'VISIT_' || c.visit_resolved, (coalesce(c.visited_at, c.closed_at) at time zone 'Asia/Shanghai')::date,
			         c.assigned_unit_id
			  from cases c where c.visit_resolved is not null and c.assigned_unit_id is not null
			  union all
			  select 'VISIT_' || c.visit_satisfaction,
			         (coalesce(c.visited_at, c.closed_at) at time zone 'Asia/Shanghai')::date, c.assigned_unit_id
			  from cases c where c.visit_satisfaction is not null and c.assigned_unit_id is not null
			) m where m.day is not null
			group by m.measure, m.day, m.unit_id
			on conflict (measure, day, unit_id, accused_unit_id, category_code)
			do update set n = metric_counts.n + excluded.n""";

}
