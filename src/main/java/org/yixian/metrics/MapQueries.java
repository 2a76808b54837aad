package org.yixian.metrics;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.casework.Confidentiality;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;

/**
 * What the map shows: the outlined units in the caller's scope with the cases registered
 * in each over the period (from the roll-ups), and whether a unit is a leaf (no outlined
 * unit inside it), where the map draws its circle.
 */
@Component
class MapQueries {

	private final JdbcClient jdbc;

	private final Units units;

	private final UnitOutlines outlines;

	MapQueries(JdbcClient jdbc, Units units, UnitOutlines outlines) {
		this.jdbc = jdbc;
		this.units = units;
		this.outlines = outlines;
	}

	/**
	 * An outlined unit on the map.
	 */
	record Area(String code, String name, String kind, String geometry, long registered, boolean leaf) {
	}

	@Transactional(readOnly = true)
	List<Area> areas(Period period, Actor actor) {
		Map<String, String> shapes = this.outlines.within(actor.scope());
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("""
				select k.code, sum(c.n) as n from metric_counts c join units u on u.id = c.unit_id
				  cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')::bigint[]) as anc(id)
				  join metric_unit_outlines o on o.unit_id = anc.id join units k on k.id = anc.id
				where c.measure in ('REGISTERED', 'P_REGISTERED') and c.day between ? and ? and u.path like ?
				  and k.path like ? and c.accused_unit_id <> all(?)
				group by k.code""")
			.params(Date.valueOf(period.from()), Date.valueOf(period.to()), actor.scope().likePattern(),
					actor.scope().likePattern(), Confidentiality.ancestry(actor))
			.query((rs) -> {
				counts.put(rs.getString("code"), rs.getLong("n"));
			});
		List<Unit> outlined = this.units.tree(actor.scope())
			.stream()
			.filter((u) -> shapes.containsKey(u.code()))
			.toList();
		List<Area> areas = new ArrayList<>();
		for (Unit unit : outlined) {
			boolean leaf = outlined.stream()
				.noneMatch((other) -> other != unit && other.path().startsWith(unit.path()));
			areas.add(new Area(unit.code(), unit.name(), unit.kind().name(), shapes.get(unit.code()),
					counts.getOrDefault(unit.code(), 0L), leaf));
		}
		return areas;
	}

}
