package org.yixian.insight;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.organisation.Actor;

/**
 * The 每月一题 board: the month's candidate themes, the problem classes with cases that
 * month, ranked by {@code 0.4·volume/max + 0.25·growth + 0.2·repeat rate + 0.15·
 * dissatisfaction}. Growth is the rise over the month before, capped at tripling (a class
 * that doubled scores 0.5); the repeat rate is the share of the month's cases from
 * callers who raised the class more than once; dissatisfaction is the share of return
 * visits answered 不满意.
 */
@Service
class MonthlyThemes {

	private final JdbcClient jdbc;

	private final Clock clock;

	MonthlyThemes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	YearMonth month(String value) {
		return (value == null || value.isBlank()) ? YearMonth.now(this.clock) : YearMonth.parse(value.strip());
	}

	@Transactional(readOnly = true)
	List<Theme> rank(YearMonth month, Actor actor) {
		ZoneId zone = this.clock.getZone();
		OffsetDateTime start = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
		OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
		OffsetDateTime previous = month.minusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
		List<Theme> themes = this.jdbc
			.sql("""
					select m.class_id, k.title, k.status,
					       count(*) filter (where m.received_at >= ?) as volume,
					       count(*) filter (where m.received_at < ?) as previous,
					       count(*) filter (where m.received_at >= ? and m.caller_hash is not null and exists (
					         select 1 from insight_class_cases o where o.class_id = m.class_id and o.caller_hash = m.caller_hash
					           and o.case_id <> m.case_id)) as repeats,
					       count(*) filter (where m.received_at >= ? and m.satisfaction is not null) as visited,
					       count(*) filter (where m.received_at >= ? and m.satisfaction = 'UNSATISFIED') as unsatisfied
					from insight_class_cases m join insight_classes k on k.id = m.class_id
					where k.status <> 'MERGED' and m.received_at >= ? and m.received_at < ? and m.area_path like ?
					group by m.class_id, k.title, k.status""")
			.params(start, start, start, start, start, previous, end, actor.scope().likePattern())
			.query((rs, n) -> Theme.of(rs.getLong("class_id"), rs.getString("title"), rs.getString("status"),
					rs.getLong("volume"), rs.getLong("previous"), rs.getLong("repeats"), rs.getLong("visited"),
					rs.getLong("unsatisfied")))
			.list();
		long max = themes.stream().mapToLong(Theme::volume).max().orElse(1);
		List<Theme> ranked = new ArrayList<>();
		for (Theme t : themes) {
			if (t.volume() == 0) {
				continue;
			}
			double score = 0.4 * t.volume() / Math.max(1, max) + 0.25 * Math.min(1.0, Math.max(0, t.growth()) / 2)
					+ 0.2 * t.repeatRate() + 0.15 * t.dissatisfaction();
			ranked.add(t.scored(Math.round(score * 1000) / 1000.0));
		}
		ranked.sort(Comparator.comparingDouble(Theme::score).reversed().thenComparing(Theme::classId));
		return ranked;
	}

	/**
	 * A candidate theme of the month.
	 */
	record Theme(long classId, String title, String status, long volume, long previous, long repeats, long visited,
			long unsatisfied, double growth, double repeatRate, double dissatisfaction, double score) {

		/**
		 * Growth is the rise over the month before (1.0 = doubled; a class new this month
		 * counts as doubled).
		 */
		static Theme of(long classId, String title, String status, long volume, long previous, long repeats,
				long visited, long unsatisfied) {
			double growth = (previous == 0) ? 1.0 : (double) (volume - previous) / previous;
			return new Theme(classId, title, status, volume, previous, repeats, visited, unsatisfied, round(growth),
					round((volume == 0) ? 0 : (double) repeats / volume),
					round((visited == 0) ? 0 : (double) unsatisfied / visited), 0);
		}

		Theme scored(double score) {
			return new Theme(this.classId, this.title, this.status, this.volume, this.previous, this.repeats,
					this.visited, this.unsatisfied, this.growth, this.repeatRate, this.dissatisfaction, score);
		}

		private static double round(double value) {
			return Math.round(value * 1000) / 1000.0;
		}

	}

}
