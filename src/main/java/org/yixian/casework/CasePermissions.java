package org.yixian.casework;

import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;

/**
 * The common part of who may see and act on a case: a role, and a data scope that covers
 * the unit the action concerns. A hotline dispatcher's or petition office's scope is the
 * area it serves; a handler's is their own unit. Nobody inside the unit complained about
 * (or below it) ever sees the case: {@link Confidentiality}.
 */
public final class CasePermissions {

	private CasePermissions() {
	}

	public static boolean canSee(Actor actor, CaseFile file) {
		if (Confidentiality.isInsideAccused(actor, file.accused)) {
			return false;
		}
		if (actor.scope().covers(file.area.path())) {
			return true;
		}
		return file.units.stream().anyMatch((task) -> task.isLive() && actor.scope().covers(task.unitPath));
	}

	/**
	 * A hotline dispatcher (or petition office staff with that role) over the case's
	 * area.
	 */
	public static boolean dispatcher(Actor actor, CaseFile file) {
		return actor.has(Role.DISPATCHER) && actor.scope().covers(file.area.path());
	}

	public static boolean operator(Actor actor, CaseFile file) {
		return actor.has(Role.OPERATOR) && actor.scope().covers(file.area.path());
	}

	/**
	 * A handler of the unit that leads the case now — that unit itself: a unit above it
	 * supervises, it does not sign or reply in the unit's place.
	 */
	public static boolean leadHandler(Actor actor, CaseFile file) {
		return actor.has(Role.HANDLER) && file.lead().map((task) -> task.unitId == actor.unitId()).orElse(false);
	}

	public static boolean assistHandler(Actor actor, CaseFile file) {
		return actor.has(Role.HANDLER) && file.openAssists().stream().anyMatch((task) -> task.unitId == actor.unitId());
	}

	/**
	 * A supervisor or leader over the unit the case is with, or the dispatcher.
	 */
	public static boolean supervisor(Actor actor, CaseFile file) {
		boolean overseer = (actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER)) && file.assigned != null
				&& actor.scope().covers(file.assigned.path());
		return overseer || dispatcher(actor, file);
	}

}
