package org.yixian.petition;

import org.springframework.stereotype.Component;
import org.yixian.casework.CaseFile;
import org.yixian.casework.CasePermissions;
import org.yixian.casework.CaseStatus;
import org.yixian.casework.CaseUnits;
import org.yixian.casework.UnitTask;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;

/**
 * Who may take each action of a petition (contract: "Who"): the petition office's
 * operators and dispatchers over the case's area register, transfer, review objections,
 * record the petitioner's requests and close; handlers of the unit it was transferred to
 * accept, refuse, object, ask for an extension and decide; a leader of that unit or above
 * (本机关负责人) decides the extension; handlers of the review and recheck units decide those.
 */
@Component
class PetitionPermissions {

	private final CaseUnits units;

	PetitionPermissions(CaseUnits units) {
		this.units = units;
	}

	boolean mayAttempt(Actor actor, CaseFile file, PetitionAction action) {
		return switch (action) {
			case TRANSFER, REVIEW_OBJECTION, REQUEST_REVIEW, REQUEST_RECHECK, CLOSE, MERGE, ARCHIVE ->
				office(actor, file);
			case ACCEPT, NOT_ACCEPT -> (file.status() == CaseStatus.REGISTERED)
					? office(actor, file) || registeredHere(actor, file) : CasePermissions.leadHandler(actor, file);
			case OBJECT, REQUEST_EXTENSION, DECIDE, REVIEW_DECIDE, START_HEARING, END_HEARING, RECHECK_DECIDE ->
				CasePermissions.leadHandler(actor, file);
			case DECIDE_EXTENSION -> actor.has(Role.LEADER)
					&& file.lead().map(UnitTask::unitPath).map((p) -> actor.scope().covers(p)).orElse(false);
			case FOLLOW_UP -> office(actor, file) || CasePermissions.leadHandler(actor, file);
			case SUPERVISE -> CasePermissions.supervisor(actor, file) || office(actor, file);
			case ESCALATE -> office(actor, file) || (actor.has(Role.SUPERVISOR) && file.assigned() != null
					&& actor.scope().covers(file.assigned().path()));
		};
	}

	/**
	 * Staff of the unit that registered the petition, which may accept one about its own
	 * duties directly.
	 */
	static boolean registeredHere(Actor actor, CaseFile file) {
		return file.registeredUnitId() != null && file.registeredUnitId() == actor.unitId()
				&& (actor.has(Role.HANDLER) || actor.has(Role.OPERATOR) || actor.has(Role.DISPATCHER));
	}

	/**
	 * Staff of a petition office (信访部门) whose scope covers the case.
	 */
	boolean office(Actor actor, CaseFile file) {
		return (actor.has(Role.OPERATOR) || actor.has(Role.DISPATCHER)) && actor.scope().covers(file.area().path())
				&& this.units.isPetitionOffice(actor);
	}

}
