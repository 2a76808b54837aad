package org.yixian.demo;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.metrics.UnitOutlines;
import org.yixian.organisation.Scope;
import org.yixian.organisation.Unit;
import org.yixian.organisation.UnitKind;
import org.yixian.organisation.Units;

/**
 * Gives the demo city's territorial units plausible outlines for the map, once, when no
 * unit has one yet: the city a box, each unit's territorial children strips of it,
 * alternately east–west and north–south, so that neighbours share their borders.
 */
@Component
@Profile(DemoProfileActivator.DEMO)
@Order(11)
class DemoOutlines implements ApplicationRunner {

	/** 示范市 lies where a city might: about 26 km by 29 km. */
	static final double[] CITY = { 116.26, 39.74, 116.54, 40.00 };

	private final Units units;

	private final UnitOutlines outlines;

	DemoOutlines(Units units, UnitOutlines outlines) {
		this.units = units;
		this.outlines = outlines;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Unit city = this.units.findByCode(DemoCity.CITY).orElse(null);
		if (city == null || !this.outlines.isEmpty()) {
			return;
		}
		List<Unit> all = this.units.tree(new Scope(city.path()));
		outline(city, CITY, all, true);
	}

	private void outline(Unit unit, double[] box, List<Unit> all, boolean eastWest) {
		this.outlines.save(unit.code(), polygon(box), new Scope(unit.path()), "demo");
		List<Unit> children = all.stream()
			.filter((u) -> unit.code().equals(u.parentCode()) && territorial(u.kind()))
			.toList();
		for (int i = 0; i < children.size(); i++) {
			double[] part = eastWest
					? new double[] { box[0] + (box[2] - box[0]) * i / children.size(), box[1],
							box[0] + (box[2] - box[0]) * (i + 1) / children.size(), box[3] }
					: new double[] { box[0], box[1] + (box[3] - box[1]) * i / children.size(), box[2],
							box[1] + (box[3] - box[1]) * (i + 1) / children.size() };
			outline(children.get(i), part, all, !eastWest);
		}
	}

	private static boolean territorial(UnitKind kind) {
		return kind == UnitKind.DISTRICT || kind == UnitKind.STREET || kind == UnitKind.COMMUNITY;
	}

	private static String polygon(double[] b) {
		return String.format(Locale.ROOT,
				"{\"type\":\"Polygon\",\"coordinates\":[[[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f]]]}",
				b[0], b[1], b[2], b[1], b[2], b[3], b[0], b[3], b[0], b[1]);
	}

}
