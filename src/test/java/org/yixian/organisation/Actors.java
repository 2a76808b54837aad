package org.yixian.organisation;

import java.util.Set;

/**
 * Signed-in people for domain tests, without a database: an enabled, unlocked user of a
 * unit with the given roles and data scope.
 */
public final class Actors {

	private Actors() {
	}

	/**
	 * A person of the unit {@code unitPath} whose data scope is {@code scopePath} (their
	 * own unit, or the area a hotline centre or petition office serves).
	 */
	public static Actor of(String username, long unitId, String unitCode, String unitPath, String scopePath,
			Role... roles) {
		return new Actor(unitId * 100, username, username, unitId, unitCode, unitCode, unitPath, new Scope(scopePath),
				Set.of(roles), true, false, null);
	}

}
