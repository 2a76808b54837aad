package org.yixian.metrics;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.organisation.Scope;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;
import org.yixian.shared.InvalidInputException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outlines of units on the map: a GeoJSON Polygon or MultiPolygon (WGS84 longitude,
 * latitude) per unit, stored in PostgreSQL and edited by administrators inside their
 * subtree. The demo city ships generated outlines.
 */
@Component
public class UnitOutlines {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Units units;

	private final Clock clock;

	UnitOutlines(JdbcClient jdbc, Units units, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.clock = clock;
	}

	/**
	 * Whether any unit has an outline yet.
	 */
	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return this.jdbc.sql("select count(*) from metric_unit_outlines").query(Long.class).single() == 0;
	}

	/**
	 * Sets (or with a blank text removes) a unit's outline.
	 * @param scope the editor's scope (the unit must lie inside it)
	 * @param editor who changed it, for the record
	 * @throws InvalidInputException on {@code geojson} when it is not a polygon in range
	 */
	@Transactional
	public void save(String unitCode, String geojson, Scope scope, String editor) {
		Unit unit = this.units.require(unitCode, scope);
		if (geojson == null || geojson.isBlank()) {
			this.jdbc.sql("delete from metric_unit_outlines where unit_id = ?").param(unit.id()).update();
			return;
		}
		String geometry = checked(geojson);
		this.jdbc.sql("""
				insert into metric_unit_outlines (unit_id, geojson, changed_by, changed_at) values (?, ?, ?, ?)
				on conflict (unit_id) do update set geojson = excluded.geojson, changed_by = excluded.changed_by,
				  changed_at = excluded.changed_at""")
			.params(unit.id(), geometry, editor, OffsetDateTime.now(this.clock))
			.update();
	}

	/**
	 * The outlines of the units in a scope, by unit code.
	 */
	@Transactional(readOnly = true)
	Map<String, String> within(Scope scope) {
		Map<String, String> outlines = new LinkedHashMap<>();
		this.jdbc.sql("""
				select u.code, o.geojson from metric_unit_outlines o join units u on u.id = o.unit_id
				where u.path like ? order by u.depth, u.code""").param(scope.likePattern()).query((rs) -> {
			outlines.put(rs.getString("code"), rs.getString("geojson"));
		});
		return outlines;
	}

	/**
	 * The geometry as compact JSON: a Polygon or MultiPolygon (a Feature's geometry is
	 * taken) whose rings are closed and whose points lie on the globe.
	 */
	static String checked(String text) {
		JsonNode node;
		try {
			node = JSON.readTree(text);
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("geojson", "metrics.outline.notJson");
		}
		if (node != null && "Feature".equals(node.path("type").asString(""))) {
			node = node.path("geometry");
		}
		String type = (node != null) ? node.path("type").asString("") : "";
		List<JsonNode> polygons = new java.util.ArrayList<>();
		if (type.equals("Polygon")) {
			polygons.add(node.path("coordinates"));
		}
		else if (type.equals("MultiPolygon")) {
			node.path("coordinates").forEach(polygons::add);
		}
		else {
			throw new InvalidInputException("geojson", "metrics.outline.notPolygon");
		}
		if (polygons.isEmpty()) {
			throw new InvalidInputException("geojson", "metrics.outline.notPolygon");
		}
		for (JsonNode polygon : polygons) {
			if (!polygon.isArray() || polygon.isEmpty()) {
				throw new InvalidInputException("geojson", "metrics.outline.notPolygon");
			}
			for (JsonNode ring : polygon) {
				checkRing(ring);
			}
		}
		return JSON.writeValueAsString(node);
	}

	private static void checkRing(JsonNode ring) {
		if (!ring.isArray() || ring.size() < 4 || !ring.get(0).equals(ring.get(ring.size() - 1))) {
			throw new InvalidInputException("geojson", "metrics.outline.ring");
		}
		for (JsonNode point : ring) {
			if (!point.isArray() || point.size() < 2 || !point.get(0).isNumber() || !point.get(1).isNumber()
					|| Math.abs(point.get(0).asDouble()) > 180 || Math.abs(point.get(1).asDouble()) > 90) {
				throw new InvalidInputException("geojson", "metrics.outline.point");
			}
		}
	}

}
