package org.yixian.casework;

import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;

/**
 * Who may act on a case: a role, and a data scope that covers the unit the action
 * concerns. A hotline dispatcher's scope is the city it serves; a handler's is their own
 * unit.
 */
final class CasePermissions {

	private CasePermissions() {
	}

	static boolean canSee(Actor actor, CaseFile file) {
		if (actor.scope().covers(file.area.path())) {
			return true;
		}
		return file.units.stream().anyMatch((task) -> actor.scope().covers(task.unitPath));
	}

	static boolean dispatcher(Actor actor, CaseFile file) {
		return actor.has(Role.DISPATCHER) && actor.scope().covers(file.area.path());
	}

	static boolean operator(Actor actor, CaseFile file) {
		return actor.has(Role.OPERATOR) && actor.scope().covers(file.area.path());
	}

	static boolean leadHandler(Actor actor, CaseFile file) {
		return actor.has(Role.HANDLER) && file.lead().map((task) -> actor.scope().covers(task.unitPath)).orElse(false);
	}

	static boolean assistHandler(Actor actor, CaseFile file) {
		return actor.has(Role.HANDLER)
				&& file.openAssists().stream().anyMatch((task) -> actor.scope().covers(task.unitPath));
	}

	static boolean supervisor(Actor actor, CaseFile file) {
		boolean overseer = (actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER)) && file.assigned != null
				&& actor.scope().covers(file.assigned.path());
		return overseer || dispatcher(actor, file);
	}

	static boolean mayAttempt(Actor actor, CaseFile file, CaseAction action) {
		return switch (action) {
			case DISPATCH, REVIEW_RETURN, DECIDE_EXTENSION, REVIEW_REPLY, REOPEN, MERGE, SPLIT, ARCHIVE ->
				dispatcher(actor, file);
			case RETURN_VISIT -> dispatcher(actor, file) || operator(actor, file);
			case CLOSE -> dispatcher(actor, file) || (operator(actor, file) && file.status == CaseStatus.REGISTERED);
			case SIGN, RETURN, CONTACT, REQUEST_EXTENSION, REPLY -> leadHandler(actor, file);
			case REPORT -> assistHandler(actor, file);
			case SUPERVISE -> supervisor(actor, file);
			case ESCALATE -> dispatcher(actor, file) || (actor.has(Role.SUPERVISOR) && file.assigned != null
					&& actor.scope().covers(file.assigned.path()));
		};
	}

}
