package org.yixian.organisation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.yixian.organisation.UnitKind.CITY;
import static org.yixian.organisation.UnitKind.COMMUNITY;
import static org.yixian.organisation.UnitKind.DEPARTMENT;
import static org.yixian.organisation.UnitKind.DISTRICT;
import static org.yixian.organisation.UnitKind.HOTLINE;
import static org.yixian.organisation.UnitKind.PETITION_OFFICE;
import static org.yixian.organisation.UnitKind.STREET;
import static org.yixian.organisation.UnitKind.UTILITY;

/**
 * Which kind of unit may sit under which: communities under streets, streets under
 * districts (or directly under a city without districts), departments at every level down
 * to the street, and so on. Only a city may be a root.
 */
final class UnitPlacementPolicy {

	private static final Map<UnitKind, Set<UnitKind>> ALLOWED_PARENTS = Map.of(CITY, EnumSet.noneOf(UnitKind.class),
			DISTRICT, EnumSet.of(CITY), STREET, EnumSet.of(CITY, DISTRICT), COMMUNITY, EnumSet.of(STREET), DEPARTMENT,
			EnumSet.of(CITY, DISTRICT, STREET), UTILITY, EnumSet.of(CITY, DISTRICT), HOTLINE,
			EnumSet.of(CITY, DISTRICT), PETITION_OFFICE, EnumSet.of(CITY, DISTRICT, STREET));

	private UnitPlacementPolicy() {
	}

	static boolean mayBeRoot(UnitKind kind) {
		return kind == CITY;
	}

	static boolean mayPlace(UnitKind child, UnitKind parent) {
		return ALLOWED_PARENTS.get(child).contains(parent);
	}

}
