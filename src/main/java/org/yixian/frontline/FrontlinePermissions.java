package org.yixian.frontline;

import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;

/**
 * Who may arrange and record frontline work: the leader it belongs to, or a leader or an
 * office (operators and dispatchers of a hotline or petition office) whose scope covers
 * the unit it belongs to.
 */
final class FrontlinePermissions {

	private FrontlinePermissions() {
	}

	static boolean arranges(Actor actor) {
		return actor.has(Role.LEADER) || actor.has(Role.OPERATOR) || actor.has(Role.DISPATCHER);
	}

	/**
	 * May record or change the work of this leader, held for a unit with this path.
	 */
	static boolean mayRecord(Actor actor, long leaderId, String unitPath) {
		return actor.id() == leaderId || (arranges(actor) && actor.scope().covers(unitPath));
	}

	/**
	 * May see the work of this leader held for this unit.
	 */
	static boolean maySee(Actor actor, long leaderId, String unitPath) {
		return actor.id() == leaderId || actor.scope().covers(unitPath);
	}

}
