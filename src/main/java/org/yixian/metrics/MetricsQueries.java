package org.yixian.metrics;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yixian.casework.Confidentiality;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.UnitKind;
import org.yixian.organisation.Units;
import org.yixian.shared.ReadReplica;

/**
 * The figures, answered from the roll-ups: counters summed over a subtree and a period,
 * live clocks counted against now. Everything stays inside the caller's scope, and cases
 * that name the caller's unit (or one above it) as complained about are left out of every
 * figure.
 */
@Component
class MetricsQueries {

	private final JdbcClient jdbc;

	private final Units units;

	private final Weights weights;

	private final Clock clock;

	MetricsQueries(ReadReplica replica, Units units, Weights weights, Clock clock) {
		// dashboards and scorecards may lag by the replica's delay
		this.jdbc = replica.jdbc();
		this.units = units;
		this.weights = weights;
		this.clock = clock;
	}

	/**
	 * The unit asked for (inside the caller's scope, else not found), or the top of the
	 * caller's scope.
	 */
	Unit unit(String code, Actor actor) {
		if (code == null || code.isBlank()) {
			return this.units.tree(actor.scope()).get(0);
		}
		return this.units.require(code, actor.scope());
	}

	/**
	 * The units whose figures the dashboard offers: the city, districts, streets,
	 * departments and utilities in the caller's scope.
	 */
	List<Unit> pickable(Actor actor) {
		return this.units.tree(actor.scope())
			.stream()
			.filter((u) -> u.path().equals(actor.scope().pathPrefix()) || u.kind() == UnitKind.CITY
					|| MetricsApiController.RANKED.contains(u.kind()))
			.toList();
	}

	Figures rates(Unit unit, Period period, Actor actor) {
		Map<Measure, long[]> sums = new EnumMap<>(Measure.class);
		this.jdbc.sql("""
				select c.measure, sum(c.n) as n, sum(c.value) as v from metric_counts c join units u on u.id = c.unit_id
				where u.path like ? and c.day between ? and ? and c.accused_unit_id <> all(?)
				group by c.measure""")
			.params(unit.path() + "%", Date.valueOf(period.from()), Date.valueOf(period.to()),
					Confidentiality.ancestry(actor))
			.query((RowCallbackHandler) (rs) -> sums.put(Measure.valueOf(rs.getString("measure")),
					new long[] { rs.getLong("n"), rs.getLong("v") }));
		Figures.Live live = live(unit.path(), period, actor).getOrDefault(unit.id(), Figures.Live.NONE);
		return Figures.of(unit.code(), unit.name(), period.from(), period.to(), sums, live, this.weights.current());
	}

	/**
	 * The live clocks per unit of the subtree: overdue now, 积案, signatures still owed
	 * within their window for dispatches in the period. Keyed by every unit of the
	 * subtree they roll up to.
	 */
	private Map<Long, Figures.Live> live(String path, Period period, Actor actor) {
		Map<Long, Figures.Live> live = new LinkedHashMap<>();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.jdbc.sql("""
				select a.id,
				  count(*) filter (where o.kind = 'DEMAND' and o.due_at < ?) as overdue,
				  count(*) filter (where o.kind = 'PETITION' and o.due_at < ?) as backlog,
				  count(*) filter (where o.sign_due_at >= ? and o.dispatched_at >= ? and o.dispatched_at < ?) as pending
				from metric_open o join units u on u.id = o.unit_id
				  join units a on u.path like a.path || '%' and a.path like ?
				where u.path like ? and o.accused_unit_id <> all(?)
				group by a.id""")
			.params(now, now, now, period.from().atStartOfDay(this.clock.getZone()).toOffsetDateTime(),
					period.to().plusDays(1).atStartOfDay(this.clock.getZone()).toOffsetDateTime(), path + "%",
					path + "%", Confidentiality.ancestry(actor))
			.query((rs) -> {
				live.put(rs.getLong("id"),
						new Figures.Live(rs.getLong("overdue"), rs.getLong("backlog"), rs.getLong("pending")));
			});
		return live;
	}

	/**
	 * Every unit of a kind in the caller's scope with its subtree's figures, ranked by
	 * score (units without a score last).
	 */
	List<Ranked> scorecard(UnitKind kind, Period period, Actor actor) {
		Map<Long, Unit> ranked = new LinkedHashMap<>();
		this.units.tree(actor.scope()).stream().filter((u) -> u.kind() == kind).forEach((u) -> ranked.put(u.id(), u));
		Map<Long, Map<Measure, long[]>> sums = new LinkedHashMap<>();
		this.jdbc.sql("""
				select k.id, c.measure, sum(c.n) as n, sum(c.value) as v
				from metric_counts c join units u on u.id = c.unit_id
				  cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')::bigint[]) as anc(id)
				  join units k on k.id = anc.id
				where c.day between ? and ? and k.kind = ? and k.path like ? and u.path like ?
				  and c.accused_unit_id <> all(?)
				group by k.id, c.measure""")
			.params(Date.valueOf(period.from()), Date.valueOf(period.to()), kind.name(), actor.scope().likePattern(),
					actor.scope().likePattern(), Confidentiality.ancestry(actor))
			.query((RowCallbackHandler) (rs) -> sums
				.computeIfAbsent(rs.getLong("id"), (id) -> new EnumMap<>(Measure.class))
				.put(Measure.valueOf(rs.getString("measure")), new long[] { rs.getLong("n"), rs.getLong("v") }));
		Map<Long, Figures.Live> live = live(actor.scope().pathPrefix(), period, actor);
		Weights.Values w = this.weights.current();
		List<Figures> figures = new ArrayList<>();
		ranked.values()
			.forEach((u) -> figures.add(Figures.of(u.code(), u.name(), period.from(), period.to(),
					sums.getOrDefault(u.id(), Map.of()), live.getOrDefault(u.id(), Figures.Live.NONE), w)));
		figures.sort(Comparator.comparing((Figures f) -> (f.score() != null) ? -f.score() : Double.MAX_VALUE)
			.thenComparing(Figures::unitCode));
		List<Ranked> result = new ArrayList<>();
		for (int i = 0; i < figures.size(); i++) {
			result.add(new Ranked((figures.get(i).score() != null) ? i + 1 : null, figures.get(i)));
		}
		return result;
	}

	/**
	 * A ranked row of the scorecard.
	 */
	record Ranked(Integer rank, Figures figures) {
	}

	/**
	 * Per day of the period: registrations, dispatches, return visits, satisfied answers.
	 */
	Map<LocalDate, long[]> trend(Unit unit, Period period, Actor actor) {
		Map<LocalDate, long[]> days = new LinkedHashMap<>();
		for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
			days.put(d, new long[4]);
		}
		List<String> measures = List.of(Measure.REGISTERED.name(), Measure.DISPATCHED.name(), Measure.VISITED.name(),
				Measure.VISIT_SATISFIED.name());
		this.jdbc.sql("""
				select c.day, c.measure, sum(c.n) as n from metric_counts c join units u on u.id = c.unit_id
				where c.measure = any(?) and u.path like ? and c.day between ? and ? and c.accused_unit_id <> all(?)
				group by c.day, c.measure""")
			.params(measures.toArray(String[]::new), unit.path() + "%", Date.valueOf(period.from()),
					Date.valueOf(period.to()), Confidentiality.ancestry(actor))
			.query((RowCallbackHandler) (rs) -> days.get(rs.getObject("day", LocalDate.class))[measures
				.indexOf(rs.getString("measure"))] = rs.getLong("n"));
		return days;
	}

	/**
	 * Registrations per top-level category (name), most first.
	 */
	Map<String, Long> categories(Unit unit, Period period, Actor actor) {
		Map<String, Long> categories = new LinkedHashMap<>();
		this.jdbc.sql("""
				select coalesce(top.name, '—') as name, sum(c.n) as n
				from metric_counts c join units u on u.id = c.unit_id
				  left join categories cat on cat.code = c.category_code
				  left join categories top on top.depth = 0 and cat.path like top.path || '%'
				where c.measure in ('REGISTERED', 'P_REGISTERED') and u.path like ? and c.day between ? and ?
				  and c.accused_unit_id <> all(?)
				group by 1 order by 2 desc, 1""")
			.params(unit.path() + "%", Date.valueOf(period.from()), Date.valueOf(period.to()),
					Confidentiality.ancestry(actor))
			.query((RowCallbackHandler) (rs) -> categories.put(rs.getString("name"), rs.getLong("n")));
		return categories;
	}

}
