package org.yixian.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Units;

/**
 * Cases received and closed per day within the actor's scope, for the workbench chart.
 */
@Service
public class CaseTrend {

	private final JdbcClient jdbc;

	private final Units units;

	private final Clock clock;

	CaseTrend(JdbcClient jdbc, Units units, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Trend lastDays(Actor actor, int days) {
		ZoneId zone = this.clock.getZone();
		LocalDate today = LocalDate.now(this.clock);
		LocalDate first = today.minusDays(days - 1L);
		Long[] scope = this.units.idsWithin(actor.scope());
		Map<LocalDate, long[]> counts = new LinkedHashMap<>();
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			counts.put(day, new long[2]);
		}
		this.jdbc.sql("""
				select (c.received_at at time zone ?)::date as day, count(*) as received,
				       count(*) filter (where c.closed_at is not null) as closed
				from cases c
				where c.received_at >= ? and (c.area_unit_id = any(?) or c.assigned_unit_id = any(?))
				  and """ + Confidentiality.SQL + """
				group by 1""")
			.params(zone.getId(), first.atStartOfDay(zone).toOffsetDateTime(), scope, scope,
					Confidentiality.ancestry(actor))
			.query((rs) -> {
				long[] row = counts.get(rs.getObject("day", LocalDate.class));
				if (row != null) {
					row[0] = rs.getLong("received");
					row[1] = rs.getLong("closed");
				}
			});
		List<String> labels = new ArrayList<>();
		List<Long> received = new ArrayList<>();
		List<Long> closed = new ArrayList<>();
		counts.forEach((day, row) -> {
			labels.add(day.getMonthValue() + "-" + day.getDayOfMonth());
			received.add(row[0]);
			closed.add(row[1]);
		});
		return new Trend(labels, received, closed);
	}

	/**
	 * Day labels and the two series.
	 */
	public record Trend(List<String> days, List<Long> received, List<Long> closed) {
	}

}
