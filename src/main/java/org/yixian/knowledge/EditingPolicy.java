package org.yixian.knowledge;

import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;
import org.yixian.organisation.Scope;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;

/**
 * Who keeps an article: an administrator whose unit's subtree holds the article's unit.
 * City-wide articles belong to the city's root unit and so to the city's administrators;
 * a district's administrator keeps the district's articles and those below it — the rule
 * every administrative action here follows ({@link Scope}).
 */
final class EditingPolicy {

	private EditingPolicy() {
	}

	static boolean mayEdit(Actor actor, Unit owner) {
		return actor != null && actor.has(Role.ADMIN) && owner != null && owner.isWithin(actor.scope());
	}

	/**
	 * The units whose articles this person keeps (none for everyone but administrators).
	 */
	static Long[] keptUnits(Actor actor, Units units) {
		return (actor != null && actor.has(Role.ADMIN)) ? units.idsWithin(actor.scope()) : new Long[0];
	}

}
