package org.yixian.casework;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.routing.Route;
import org.yixian.routing.Routing;

/**
 * Whom to dispatch a case to, for the dispatcher to confirm: the dispatch catalogue's
 * rule for the category and area, then the units that most often finished cases of the
 * same category in the same area over the past year. Never the accused unit or its
 * subtree, never a unit outside the dispatcher's scope.
 */
@Service
public class DispatchSuggestions {

	private static final int MAX = 3;

	private final JdbcClient jdbc;

	private final Routing routing;

	private final Clock clock;

	DispatchSuggestions(JdbcClient jdbc, Routing routing, Clock clock) {
		this.jdbc = jdbc;
		this.routing = routing;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Suggestion> forCase(long caseId, List<Unit> allowed, Actor actor) {
		Optional<Facts> facts = this.jdbc
			.sql("""
					select c.category_id, k.path as category_path, c.area_unit_id, a.path as area_path, x.path as accused_path
					from cases c join units a on a.id = c.area_unit_id
					left join categories k on k.id = c.category_id left join units x on x.id = c.accused_unit_id
					where c.id = ?""")
			.param(caseId)
			.query((rs, n) -> new Facts(rs.getObject("category_id", Long.class), rs.getString("category_path"),
					rs.getLong("area_unit_id"), rs.getString("area_path"), rs.getString("accused_path")))
			.optional();
		if (facts.isEmpty()) {
			return List.of();
		}
		Facts f = facts.get();
		Map<Long, Unit> byId = new LinkedHashMap<>();
		allowed.stream()
			.filter((u) -> f.accusedPath() == null || !u.path().startsWith(f.accusedPath()))
			.forEach((u) -> byId.put(u.id(), u));
		Map<Long, Suggestion> found = new LinkedHashMap<>();
		if (f.categoryPath() != null) {
			this.routing.route(f.categoryPath(), f.areaPath())
				.map(Route::targetUnitId)
				.map(byId::get)
				.ifPresent((u) -> found.put(u.id(), new Suggestion(u.code(), u.name(), "CATALOGUE", 0)));
		}
		if (f.categoryId() != null) {
			this.jdbc.sql("""
					select cu.unit_id, count(*) as n
					from cases c join case_units cu on cu.case_id = c.id and cu.role = 'LEAD' and cu.state = 'DONE'
					where c.category_id = ? and c.area_unit_id = ? and c.received_at > ? and c.id <> ?
					  and c.kind = (select kind from cases where id = ?) and %s
					group by cu.unit_id order by n desc, cu.unit_id limit 10""".formatted(Confidentiality.SQL))
				.params(f.categoryId(), f.areaUnitId(), OffsetDateTime.now(this.clock).minusYears(1), caseId, caseId,
						Confidentiality.ancestry(actor))
				.query((rs) -> {
					Unit unit = byId.get(rs.getLong("unit_id"));
					if (unit != null && !found.containsKey(unit.id())) {
						found.put(unit.id(), new Suggestion(unit.code(), unit.name(), "HISTORY", rs.getInt("n")));
					}
				});
		}
		return new ArrayList<>(found.values()).subList(0, Math.min(MAX, found.size()));
	}

	private record Facts(Long categoryId, String categoryPath, long areaUnitId, String areaPath, String accusedPath) {
	}

	/**
	 * A unit suggested, why ({@code CATALOGUE}: the dispatch catalogue's rule;
	 * {@code HISTORY}: it finished {@code count} such cases here in the past year).
	 */
	public record Suggestion(String code, String name, String reason, int count) {
	}

}
