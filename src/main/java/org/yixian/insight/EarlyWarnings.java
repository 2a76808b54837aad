package org.yixian.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;

/**
 * Early warning: the volume of each problem class in each street over the last seven days
 * against its own history, the seven days before and the average week of the four weeks
 * before those. A class that at least doubled to {@link #MIN_CASES} or more cases in one
 * street (or over the whole scope) raises a warning; four times its history is
 * {@code HIGH}.
 */
@Service
class EarlyWarnings {

	static final int MIN_CASES = 3;

	private final JdbcClient jdbc;

	private final Units units;

	private final Clock clock;

	EarlyWarnings(JdbcClient jdbc, Units units, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<Warning> current(Actor actor) {
		return on(LocalDate.now(this.clock), actor);
	}

	/**
	 * The warnings as they stood at the end of a day.
	 */
	@Transactional(readOnly = true)
	List<Warning> on(LocalDate day, Actor actor) {
		ZoneId zone = this.clock.getZone();
		OffsetDateTime end = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
		OffsetDateTime week = end.minusDays(7);
		OffsetDateTime before = end.minusDays(14);
		OffsetDateTime history = end.minusDays(42);
		return this.jdbc.sql("""
				select * from (
				  select m.class_id, k.title, m.street_unit_code,
				         count(*) filter (where m.received_at >= ?) as current,
				         count(*) filter (where m.received_at >= ? and m.received_at < ?) as previous,
				         count(*) filter (where m.received_at < ?) as earlier
				  from insight_class_cases m join insight_classes k on k.id = m.class_id
				  where k.status <> 'MERGED' and m.received_at >= ? and m.received_at < ? and m.area_path like ?
				  group by grouping sets ((m.class_id, k.title, m.street_unit_code), (m.class_id, k.title))
				) t
				where current >= ? and current >= 2 * greatest(previous, ceil(earlier / 4.0), 1)
				order by current::float / greatest(previous, ceil(earlier / 4.0), 1) desc, current desc, class_id""")
			.params(week, before, week, before, history, end, actor.scope().likePattern(), MIN_CASES)
			.query((rs, n) -> {
				String street = rs.getString("street_unit_code");
				long current = rs.getLong("current");
				long previous = rs.getLong("previous");
				double baseline = rs.getLong("earlier") / 4.0;
				double ratio = current / Math.max(1, Math.max(previous, Math.ceil(baseline)));
				return new Warning(rs.getLong("class_id"), rs.getString("title"), street,
						(street != null) ? this.units.findByCode(street).map(Unit::name).orElse(street) : null, current,
						previous, baseline, Math.round(ratio * 10) / 10.0, (ratio >= 4) ? "HIGH" : "WARNING");
			})
			.list();
	}

	/**
	 * A spike: the class, the street (null for the whole scope), the last seven days, the
	 * seven before, the average week before those, and how many times its history.
	 */
	record Warning(long classId, String classTitle, String streetCode, String streetName, long current, long previous,
			double baseline, double ratio, String level) {
	}

}
