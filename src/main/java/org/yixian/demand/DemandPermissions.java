package org.yixian.demand;

import org.yixian.casework.CaseFile;
import org.yixian.casework.CasePermissions;
import org.yixian.casework.CaseStatus;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;

/**
 * Who may take each action of a demand: the hotline's dispatchers and operators over the
 * case's area, handlers of the lead or an assisting unit, supervisors over the unit it is
 * with; the citizen (after proving the case is theirs) records their own return visit
 * online.
 */
final class DemandPermissions {

	private DemandPermissions() {
	}

	static boolean mayAttempt(Actor actor, CaseFile file, DemandAction action) {
		if (actor.isCitizen()) {
			// the citizen's own online rating, after the public page checked the query
			// code
			return action == DemandAction.RETURN_VISIT;
		}
		return switch (action) {
			case DISPATCH, REVIEW_RETURN, DECIDE_EXTENSION, REVIEW_REPLY, REOPEN, MERGE, SPLIT, ARCHIVE ->
				CasePermissions.dispatcher(actor, file);
			case RETURN_VISIT -> CasePermissions.dispatcher(actor, file) || CasePermissions.operator(actor, file);
			case CLOSE -> CasePermissions.dispatcher(actor, file)
					|| (CasePermissions.operator(actor, file) && file.status() == CaseStatus.REGISTERED);
			case SIGN, RETURN, CONTACT, REQUEST_EXTENSION, REPLY -> CasePermissions.leadHandler(actor, file);
			case REPORT -> CasePermissions.assistHandler(actor, file);
			case SUPERVISE -> CasePermissions.supervisor(actor, file);
			case ESCALATE -> CasePermissions.dispatcher(actor, file) || (actor.has(Role.SUPERVISOR)
					&& file.assigned() != null && actor.scope().covers(file.assigned().path()));
		};
	}

}
