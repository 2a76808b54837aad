package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yixian.calendar.BusinessCalendar;
import org.yixian.calendar.TimeLimit;
import org.yixian.organisation.Actor;
import org.yixian.routing.Routing.Limits;

import static org.yixian.casework.CaseStatus.CLOSED;
import static org.yixian.casework.CaseStatus.DISPATCHED;
import static org.yixian.casework.CaseStatus.HANDLING;
import static org.yixian.casework.CaseStatus.REGISTERED;
import static org.yixian.casework.CaseStatus.REPLIED;
import static org.yixian.casework.CaseStatus.RETURNED;
import static org.yixian.casework.CaseStatus.VISITING;

/**
 * The 12345 demand (接诉即办) state machine: for each named transition, the states it may
 * start from, the rule it checks, what it changes and what it appends to the timeline.
 */
@org.springframework.stereotype.Component
class DemandWorkflow {

	static final Map<CaseAction, Set<CaseStatus>> FROM = new EnumMap<>(CaseAction.class);

	static {
		FROM.put(CaseAction.DISPATCH, EnumSet.of(REGISTERED));
		FROM.put(CaseAction.SIGN, EnumSet.of(DISPATCHED));
		FROM.put(CaseAction.RETURN, EnumSet.of(DISPATCHED, HANDLING));
		FROM.put(CaseAction.REVIEW_RETURN, EnumSet.of(RETURNED));
		FROM.put(CaseAction.CONTACT, EnumSet.of(HANDLING));
		FROM.put(CaseAction.REQUEST_EXTENSION, EnumSet.of(HANDLING));
		FROM.put(CaseAction.DECIDE_EXTENSION, EnumSet.of(HANDLING));
		FROM.put(CaseAction.REPLY, EnumSet.of(HANDLING));
		FROM.put(CaseAction.REVIEW_REPLY, EnumSet.of(REPLIED));
		FROM.put(CaseAction.RETURN_VISIT, EnumSet.of(VISITING));
		FROM.put(CaseAction.REOPEN, EnumSet.of(VISITING, CLOSED));
		FROM.put(CaseAction.CLOSE, EnumSet.of(REGISTERED, VISITING));
		FROM.put(CaseAction.MERGE, EnumSet.of(REGISTERED, DISPATCHED, HANDLING, RETURNED));
		FROM.put(CaseAction.SPLIT, EnumSet.of(REGISTERED, DISPATCHED, HANDLING, RETURNED));
		FROM.put(CaseAction.SUPERVISE, EnumSet.of(DISPATCHED, HANDLING, RETURNED, REPLIED, VISITING));
		FROM.put(CaseAction.ESCALATE, EnumSet.of(DISPATCHED, HANDLING, RETURNED));
		FROM.put(CaseAction.REPORT, EnumSet.of(DISPATCHED, HANDLING));
		FROM.put(CaseAction.ARCHIVE, EnumSet.of(CLOSED));
	}

	private final BusinessCalendar calendar;

	DemandWorkflow(BusinessCalendar calendar) {
		this.calendar = calendar;
	}

	/**
	 * Whether the action may start from the case's state, and whether this person may
	 * take it. Permission is checked first: a person who may not act learns nothing about
	 * state.
	 */
	Outcome admit(CaseFile file, Actor actor, CaseAction action) {
		if (actor != null && !CasePermissions.mayAttempt(actor, file, action)) {
			return Outcome.forbidden("case.forbidden");
		}
		if (!FROM.get(action).contains(file.status)) {
			return Outcome.illegal("case.illegalTransition");
		}
		return Outcome.DONE;
	}

	/**
	 * The wire names of the actions this person may take on the case now (none for the
	 * system).
	 */
	java.util.List<String> availableActions(CaseFile file, Actor actor) {
		java.util.List<String> actions = new java.util.ArrayList<>();
		if (actor != null) {
			for (CaseAction action : CaseAction.values()) {
				if (admit(file, actor, action) instanceof Outcome.Done) {
					actions.add(action.wireName());
				}
			}
		}
		return actions;
	}

	Outcome dispatch(CaseFile file, Actor actor, OffsetDateTime now, UnitRef target, List<UnitRef> assists,
			List<UnitRef> copies, Limits limits) {
		CaseStatus from = file.status;
		assign(file, now, target, assists, copies, limits, (actor != null) ? actor.unitId() : null);
		file.record(actor, now, CaseAction.DISPATCH, from, target.name(), true);
		return Outcome.DONE;
	}

	private void assign(CaseFile file, OffsetDateTime now, UnitRef target, List<UnitRef> assists, List<UnitRef> copies,
			Limits limits, Long byUnit) {
		for (UnitTask task : file.units) {
			if (task.isOpen() && task.role != UnitRole.COPY) {
				task.state = "WITHDRAWN";
				task.doneAt = now;
				task.dirty = true;
			}
		}
		open(file, target, UnitRole.LEAD, now);
		assists.forEach((unit) -> {
			open(file, unit, UnitRole.ASSIST, now);
			file.notifyUnit(unit.id(), "ASSIST", "case.notice.assist");
		});
		copies.forEach((unit) -> {
			open(file, unit, UnitRole.COPY, now);
			file.notifyUnit(unit.id(), "COPY", "case.notice.copy");
		});
		file.assigned = target;
		file.status = DISPATCHED;
		file.dispatchedAt = now;
		file.signedAt = null;
		if (byUnit != null) {
			file.dispatchedByUnitId = byUnit;
		}
		file.setDeadline(DeadlineKind.SIGN, this.calendar.deadline(now, limits.sign()));
		file.setDeadline(DeadlineKind.REPLY, this.calendar.deadline(now, limits.reply()));
		file.notifyUnit(target.id(), "DISPATCHED", "case.notice.dispatched");
	}

	private static void open(CaseFile file, UnitRef unit, UnitRole role, OffsetDateTime now) {
		UnitTask task = file.task(unit.id(), role).orElse(null);
		if (task == null) {
			task = new UnitTask(unit.id(), unit.code(), unit.name(), unit.path(), role, "OPEN", true, 0, now, null,
					null);
			file.units.add(task);
		}
		task.state = "OPEN";
		task.assignedAt = now;
		task.doneAt = null;
		task.dirty = true;
	}

	Outcome sign(CaseFile file, Actor actor, OffsetDateTime now) {
		file.status = HANDLING;
		file.signedAt = now;
		file.meetDeadline(DeadlineKind.SIGN, now);
		file.record(actor, now, CaseAction.SIGN, DISPATCHED, null, true);
		return Outcome.DONE;
	}

	Outcome returnToDispatcher(CaseFile file, Actor actor, OffsetDateTime now, String reason) {
		if (blank(reason)) {
			return Outcome.invalid("reason", "NotBlank");
		}
		UnitTask lead = file.lead().orElseThrow();
		if (!lead.mayReturn) {
			return Outcome.illegal("case.mayNotReturnAgain");
		}
		CaseStatus from = file.status;
		lead.returns++;
		lead.dirty = true;
		file.returnCount++;
		file.status = RETURNED;
		file.record(actor, now, CaseAction.RETURN, from, reason, false);
		if (file.dispatchedByUnitId != null) {
			file.notifyUnit(file.dispatchedByUnitId, "RETURNED", "case.notice.returned");
		}
		return Outcome.DONE;
	}

	Outcome reviewReturn(CaseFile file, Actor actor, OffsetDateTime now, ActionRequest.ReviewDecision decision,
			UnitRef newUnit, Limits limits, String comment) {
		if (decision == null) {
			return Outcome.invalid("decision", "NotNull");
		}
		if (decision == ActionRequest.ReviewDecision.ACCEPT) {
			if (newUnit == null) {
				return Outcome.invalid("unitCode", "NotBlank");
			}
			assign(file, now, newUnit, List.of(), List.of(), limits, actor.unitId());
			file.record(actor, now, CaseAction.REVIEW_RETURN, RETURNED,
					"ACCEPT → " + newUnit.name() + (blank(comment) ? "" : "：" + comment), false);
			return Outcome.DONE;
		}
		UnitTask lead = file.lead().orElseThrow();
		lead.mayReturn = false;
		lead.dirty = true;
		file.status = (file.signedAt != null) ? HANDLING : DISPATCHED;
		file.record(actor, now, CaseAction.REVIEW_RETURN, RETURNED, "REJECT" + (blank(comment) ? "" : "：" + comment),
				false);
		file.notifyUnit(lead.unitId, "RETURN_REJECTED", "case.notice.returnRejected");
		return Outcome.DONE;
	}

	Outcome contact(CaseFile file, Actor actor, OffsetDateTime now, String note) {
		if (blank(note)) {
			return Outcome.invalid("note", "NotBlank");
		}
		if (file.contactedAt == null) {
			file.contactedAt = now;
		}
		file.record(actor, now, CaseAction.CONTACT, HANDLING, note, false);
		return Outcome.DONE;
	}

	Outcome requestExtension(CaseFile file, Actor actor, OffsetDateTime now, TimeLimit extension, String reason) {
		if (file.pendingExtension != null) {
			return Outcome.illegal("case.extensionPending");
		}
		if (extension.amount() == null) {
			return Outcome.invalid("amount", "NotNull");
		}
		if (extension.unit() == null) {
			return Outcome.invalid("unit", "NotNull");
		}
		if (blank(reason)) {
			return Outcome.invalid("reason", "NotBlank");
		}
		file.pendingExtension = extension;
		file.extensionReason = reason;
		file.record(actor, now, CaseAction.REQUEST_EXTENSION, HANDLING,
				extension.amount() + " " + extension.unit() + "：" + reason, false);
		if (file.dispatchedByUnitId != null) {
			file.notifyUnit(file.dispatchedByUnitId, "EXTENSION_REQUESTED", "case.notice.extensionRequested");
		}
		return Outcome.DONE;
	}

	Outcome decideExtension(CaseFile file, Actor actor, OffsetDateTime now, Boolean approve, String comment) {
		if (file.pendingExtension == null) {
			return Outcome.illegal("case.noPendingExtension");
		}
		if (approve == null) {
			return Outcome.invalid("approve", "NotNull");
		}
		TimeLimit extension = file.pendingExtension;
		file.pendingExtension = null;
		file.extensionReason = null;
		UnitTask lead = file.lead().orElseThrow();
		if (approve) {
			CaseFile.Deadline reply = file.deadlines.get(DeadlineKind.REPLY);
			OffsetDateTime base = (reply != null) ? reply.dueAt() : now;
			OffsetDateTime newDue = this.calendar.deadline(base, extension);
			file.setDeadline(DeadlineKind.REPLY, newDue);
			file.record(actor, now, CaseAction.DECIDE_EXTENSION, HANDLING, "APPROVED → " + newDue, true);
			file.citizenMessages.add("case.message.extended");
			file.notifyUnit(lead.unitId, "EXTENSION_APPROVED", "case.notice.extensionApproved");
		}
		else {
			file.record(actor, now, CaseAction.DECIDE_EXTENSION, HANDLING,
					"REFUSED" + (blank(comment) ? "" : "：" + comment), false);
			file.notifyUnit(lead.unitId, "EXTENSION_REFUSED", "case.notice.extensionRefused");
		}
		return Outcome.DONE;
	}

	Outcome reply(CaseFile file, Actor actor, OffsetDateTime now, ReplyResult result, String text) {
		if (result == null) {
			return Outcome.invalid("result", "NotNull");
		}
		if (blank(text)) {
			return Outcome.invalid("text", "NotBlank");
		}
		file.status = REPLIED;
		file.repliedAt = now;
		file.replyResult = result.name();
		file.replyText = text;
		file.replyApproved = false;
		file.pendingExtension = null;
		file.meetDeadline(DeadlineKind.REPLY, now);
		for (UnitTask assist : file.openAssists()) {
			assist.state = "DONE";
			assist.doneAt = now;
			assist.dirty = true;
		}
		file.record(actor, now, CaseAction.REPLY, HANDLING, result.name(), false);
		if (file.dispatchedByUnitId != null) {
			file.notifyUnit(file.dispatchedByUnitId, "REPLIED", "case.notice.replied");
		}
		return Outcome.DONE;
	}

	Outcome reviewReply(CaseFile file, Actor actor, OffsetDateTime now, Boolean approve, String comment) {
		if (approve == null) {
			return Outcome.invalid("approve", "NotNull");
		}
		UnitTask lead = file.lead().orElseThrow();
		if (approve) {
			file.status = VISITING;
			file.replyApproved = true;
			file.visitedAt = null;
			file.record(actor, now, CaseAction.REVIEW_REPLY, REPLIED, file.replyText, true);
			file.citizenMessages.add("case.message.replied");
			return Outcome.DONE;
		}
		if (blank(comment)) {
			return Outcome.invalid("comment", "NotBlank");
		}
		file.status = HANDLING;
		file.record(actor, now, CaseAction.REVIEW_REPLY, REPLIED, "SENT BACK：" + comment, false);
		file.notifyUnit(lead.unitId, "REPLY_SENT_BACK", "case.notice.replySentBack");
		return Outcome.DONE;
	}

	Outcome recordReturnVisit(CaseFile file, Actor actor, OffsetDateTime now, Resolution resolved,
			Satisfaction satisfaction, String note) {
		if (file.visitedAt != null) {
			return Outcome.illegal("case.alreadyVisited");
		}
		if (resolved == null) {
			return Outcome.invalid("resolved", "NotNull");
		}
		if (satisfaction == null) {
			return Outcome.invalid("satisfaction", "NotNull");
		}
		file.visitedAt = now;
		file.visitResolved = resolved.name();
		file.visitSatisfaction = satisfaction.name();
		file.visitNote = note;
		file.record(actor, now, CaseAction.RETURN_VISIT, VISITING,
				"resolved=" + resolved + " satisfaction=" + satisfaction + (blank(note) ? "" : "：" + note), false);
		if (resolved != Resolution.UNRESOLVED && satisfaction != Satisfaction.UNSATISFIED) {
			finish(file, actor, now, VISITING, null);
		}
		return Outcome.DONE;
	}

	Outcome reopen(CaseFile file, Actor actor, OffsetDateTime now, String reason, Limits limits) {
		if (blank(reason)) {
			return Outcome.invalid("reason", "NotBlank");
		}
		if (file.status == VISITING && file.visitedAt == null) {
			return Outcome.illegal("case.visitFirst");
		}
		UnitTask lead = file.lead().orElse(null);
		if (lead == null) {
			return Outcome.illegal("case.noLeadUnit");
		}
		CaseStatus from = file.status;
		lead.state = "OPEN";
		lead.doneAt = null;
		lead.dirty = true;
		file.reopenCount++;
		file.status = HANDLING;
		file.closedAt = null;
		file.replyApproved = false;
		file.visitedAt = null;
		file.setDeadline(DeadlineKind.REPLY, this.calendar.deadline(now, limits.reply()));
		file.record(actor, now, CaseAction.REOPEN, from, reason, true);
		file.notifyUnit(lead.unitId, "REOPENED", "case.notice.reopened");
		return Outcome.DONE;
	}

	Outcome close(CaseFile file, Actor actor, OffsetDateTime now, String note) {
		if (file.status == REGISTERED) {
			if (!DemandType.CONSULT.name().equals(file.type)) {
				return Outcome.illegal("case.onlyConsultationsCloseAtOnce");
			}
			if (blank(note)) {
				return Outcome.invalid("note", "NotBlank");
			}
			file.replyText = note;
			file.replyResult = ReplyResult.EXPLAINED.name();
			file.replyApproved = true;
			file.repliedAt = now;
		}
		else if (file.visitedAt == null) {
			return Outcome.illegal("case.visitFirst");
		}
		finish(file, actor, now, file.status, note);
		return Outcome.DONE;
	}

	private static void finish(CaseFile file, Actor actor, OffsetDateTime now, CaseStatus from, String note) {
		file.status = CLOSED;
		file.closedAt = now;
		for (UnitTask task : file.units) {
			if (task.isOpen()) {
				task.state = "DONE";
				task.doneAt = now;
				task.dirty = true;
			}
		}
		file.record(actor, now, CaseAction.CLOSE, from, note, true);
		file.citizenMessages.add("case.message.closed");
	}

	Outcome merge(CaseFile file, Actor actor, OffsetDateTime now, CaseFile parent) {
		if (parent == null) {
			return Outcome.invalid("intoCaseId", "case.unknown");
		}
		if (parent.id == file.id || !parent.status.isOpen() || parent.parentCaseId != null) {
			return Outcome.illegal("case.cannotMergeInto");
		}
		CaseStatus from = file.status;
		for (UnitTask task : file.units) {
			if (task.isOpen()) {
				task.state = "WITHDRAWN";
				task.doneAt = now;
				task.dirty = true;
			}
		}
		file.status = CaseStatus.MERGED;
		file.parentCaseId = parent.id;
		file.record(actor, now, CaseAction.MERGE, from, parent.number, true);
		parent.record(actor, now, CaseAction.MERGE, parent.status, "+ " + file.number, false);
		return Outcome.DONE;
	}

	Outcome supervise(CaseFile file, Actor actor, OffsetDateTime now, String note) {
		if (blank(note)) {
			return Outcome.invalid("note", "NotBlank");
		}
		file.record(actor, now, CaseAction.SUPERVISE, file.status, note, false);
		if (file.assigned != null) {
			file.notifyUnit(file.assigned.id(), "SUPERVISED", "case.notice.supervised");
		}
		return Outcome.DONE;
	}

	Outcome escalate(CaseFile file, Actor actor, OffsetDateTime now, UnitRef higher, String reason, Limits limits) {
		if (higher == null) {
			return Outcome.invalid("unitCode", "NotBlank");
		}
		if (blank(reason)) {
			return Outcome.invalid("reason", "NotBlank");
		}
		if (file.assigned == null || !higher.isAncestorOf(file.assigned.path())) {
			return Outcome.invalid("unitCode", "case.escalateUpwards");
		}
		CaseStatus from = file.status;
		assign(file, now, higher, List.of(), List.of(), limits, actor.unitId());
		file.record(actor, now, CaseAction.ESCALATE, from, higher.name() + "：" + reason, true);
		return Outcome.DONE;
	}

	Outcome report(CaseFile file, Actor actor, OffsetDateTime now, String note) {
		if (blank(note)) {
			return Outcome.invalid("note", "NotBlank");
		}
		UnitTask task = file.openAssists()
			.stream()
			.filter((t) -> actor.scope().covers(t.unitPath))
			.findFirst()
			.orElseThrow();
		task.state = "DONE";
		task.doneAt = now;
		task.note = note;
		task.dirty = true;
		file.record(actor, now, CaseAction.REPORT, file.status, task.unitName + "：" + note, false);
		file.lead().ifPresent((lead) -> file.notifyUnit(lead.unitId, "ASSIST_REPORTED", "case.notice.assistReported"));
		return Outcome.DONE;
	}

	Outcome archive(CaseFile file, Actor actor, OffsetDateTime now) {
		file.status = CaseStatus.ARCHIVED;
		file.record(actor, now, CaseAction.ARCHIVE, CLOSED, null, false);
		return Outcome.DONE;
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
