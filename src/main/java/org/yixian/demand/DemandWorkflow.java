package org.yixian.demand;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yixian.calendar.BusinessCalendar;
import org.yixian.calendar.TimeLimit;
import org.yixian.casework.ActionContext;
import org.yixian.casework.CaseFile;
import org.yixian.casework.CaseStatus;
import org.yixian.casework.CommonCommands.ReviewDecision;
import org.yixian.casework.DeadlineKind;
import org.yixian.casework.DemandType;
import org.yixian.casework.Outcome;
import org.yixian.casework.ReplyResult;
import org.yixian.casework.Resolution;
import org.yixian.casework.Satisfaction;
import org.yixian.casework.UnitRef;
import org.yixian.casework.UnitRole;
import org.yixian.casework.UnitTask;
import org.yixian.organisation.Actor;
import org.yixian.routing.Routing.Limits;

import static org.yixian.casework.CaseStatus.CLOSED;
import static org.yixian.casework.CaseStatus.DISPATCHED;
import static org.yixian.casework.CaseStatus.HANDLING;
import static org.yixian.casework.CaseStatus.REGISTERED;
import static org.yixian.casework.CaseStatus.REPLIED;
import static org.yixian.casework.CaseStatus.RETURNED;
import static org.yixian.casework.CaseStatus.VISITING;
import static org.yixian.casework.CommonTransitions.blank;
import static org.yixian.casework.CommonTransitions.payload;

/**
 * The 12345 demand (接诉即办) state machine: what each named transition checks, changes and
 * appends to the timeline (with its values as a structured payload). {@link DemandTrack}
 * has already checked permission and the state it starts from. The SIGN and REPLY clocks
 * start at the dispatch to a unit, afresh at every re-dispatch.
 */
@Component
class DemandWorkflow {

	private final BusinessCalendar calendar;

	DemandWorkflow(BusinessCalendar calendar) {
		this.calendar = calendar;
	}

	Outcome dispatch(ActionContext context, UnitRef target, List<UnitRef> assists, List<UnitRef> copies, Limits limits,
			String note) {
		CaseFile file = context.file();
		CaseStatus from = file.status();
		assign(context, target, assists, copies, limits);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("unitCode", target.code());
		payload.put("assistUnitCodes", assists.stream().map(UnitRef::code).toList());
		payload.put("copyUnitCodes", copies.stream().map(UnitRef::code).toList());
		if (!blank(note)) {
			payload.put("note", note);
		}
		payload.putAll(clocks(file));
		// the entry is public (the citizen sees which unit handles the case); the
		// dispatcher's
		// note is internal and stays in the payload
		file.record(context.actor(), context.at(), "dispatch", from, target.name(), true, payload);
		return Outcome.DONE;
	}

	private void assign(ActionContext context, UnitRef target, List<UnitRef> assists, List<UnitRef> copies,
			Limits limits) {
		CaseFile file = context.file();
		OffsetDateTime at = context.at();
		file.withdrawOpenTasks(at, false);
		file.open(target, UnitRole.LEAD, at);
		assists.forEach((unit) -> {
			file.open(unit, UnitRole.ASSIST, at);
			file.notifyUnit(unit.id(), "ASSIST", "case.notice.assist");
		});
		copies.forEach((unit) -> {
			file.open(unit, UnitRole.COPY, at);
			file.notifyUnit(unit.id(), "COPY", "case.notice.copy");
		});
		file.assigned(target);
		file.status(DISPATCHED);
		file.dispatchedAt(at);
		file.signedAt(null);
		Actor actor = context.actor();
		if (actor != null) {
			file.dispatchedByUnitId(actor.unitId());
		}
		file.setDeadline(DeadlineKind.SIGN, this.calendar.deadline(at, limits.sign()));
		file.setDeadline(DeadlineKind.REPLY, this.calendar.deadline(at, limits.reply()));
		file.notifyUnit(target.id(), "DISPATCHED", "case.notice.dispatched");
	}

	/**
	 * The SIGN and REPLY deadlines just set, for the payload of an assignment (metrics
	 * counts in-time signatures and replies from the timeline alone).
	 */
	private static Map<String, Object> clocks(CaseFile file) {
		Map<String, Object> clocks = new LinkedHashMap<>();
		file.deadline(DeadlineKind.SIGN).ifPresent((d) -> clocks.put("signDueAt", d.dueAt().toString()));
		file.deadline(DeadlineKind.REPLY).ifPresent((d) -> clocks.put("replyDueAt", d.dueAt().toString()));
		return clocks;
	}

	Outcome sign(ActionContext context) {
		CaseFile file = context.file();
		file.status(HANDLING);
		file.signedAt(context.at());
		file.meetDeadline(DeadlineKind.SIGN, context.at());
		file.record(context.actor(), context.at(), "sign", DISPATCHED, null, true);
		return Outcome.DONE;
	}

	Outcome returnToDispatcher(ActionContext context, String reason) {
		if (blank(reason)) {
			return Outcome.invalid("reason", "NotBlank");
		}
		CaseFile file = context.file();
		UnitTask lead = file.lead().orElseThrow();
		if (!lead.mayReturn()) {
			return Outcome.illegal("case.mayNotReturnAgain");
		}
		CaseStatus from = file.status();
		lead.countReturn();
		file.countReturn();
		file.status(RETURNED);
		file.record(context.actor(), context.at(), "return", from, reason, false,
				Map.of("unitCode", lead.unitCode(), "reason", reason));
		if (file.dispatchedByUnitId() != null) {
			file.notifyUnit(file.dispatchedByUnitId(), "RETURNED", "case.notice.returned");
		}
		return Outcome.DONE;
	}

	Outcome reviewReturn(ActionContext context, ReviewDecision decision, UnitRef newUnit, Limits limits,
			String comment) {
		if (decision == null) {
			return Outcome.invalid("decision", "NotNull");
		}
		CaseFile file = context.file();
		if (decision == ReviewDecision.ACCEPT) {
			if (newUnit == null) {
				return Outcome.invalid("unitCode", "NotBlank");
			}
			assign(context, newUnit, List.of(), List.of(), limits);
			Map<String, Object> payload = payload("decision", "ACCEPT", "unitCode", newUnit.code(), "comment", comment);
			payload.putAll(clocks(file));
			file.record(context.actor(), context.at(), "review-return", RETURNED,
					newUnit.name() + (blank(comment) ? "" : "：" + comment), false, payload);
			return Outcome.DONE;
		}
		UnitTask lead = file.lead().orElseThrow();
		lead.forbidReturn();
		file.status((file.signedAt() != null) ? HANDLING : DISPATCHED);
		file.record(context.actor(), context.at(), "review-return", RETURNED, comment, false,
				payload("decision", "REJECT", "unitCode", lead.unitCode(), "comment", comment));
		file.notifyUnit(lead.unitId(), "RETURN_REJECTED", "case.notice.returnRejected");
		return Outcome.DONE;
	}

	Outcome contact(ActionContext context, String note) {
		if (blank(note)) {
			return Outcome.invalid("note", "NotBlank");
		}
		CaseFile file = context.file();
		if (file.contactedAt() == null) {
			file.contactedAt(context.at());
		}
		file.record(context.actor(), context.at(), "contact", HANDLING, note, false);
		return Outcome.DONE;
	}

	Outcome requestExtension(ActionContext context, TimeLimit extension, String reason) {
		CaseFile file = context.file();
		if (file.pendingExtension() != null) {
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
		file.pendingExtension(extension, reason);
		file.record(context.actor(), context.at(), "request-extension", HANDLING, reason, false,
				payload("amount", extension.amount(), "unit", extension.unit().name(), "reason", reason));
		if (file.dispatchedByUnitId() != null) {
			file.notifyUnit(file.dispatchedByUnitId(), "EXTENSION_REQUESTED", "case.notice.extensionRequested");
		}
		return Outcome.DONE;
	}

	Outcome decideExtension(ActionContext context, Boolean approve, String comment) {
		CaseFile file = context.file();
		if (file.pendingExtension() == null) {
			return Outcome.illegal("case.noPendingExtension");
		}
		if (approve == null) {
			return Outcome.invalid("approve", "NotNull");
		}
		TimeLimit extension = file.pendingExtension();
		file.pendingExtension(null, null);
		UnitTask lead = file.lead().orElseThrow();
		if (approve) {
			OffsetDateTime base = file.deadline(DeadlineKind.REPLY).map(CaseFile.Deadline::dueAt).orElse(context.at());
			OffsetDateTime newDue = this.calendar.deadline(base, extension);
			file.setDeadline(DeadlineKind.REPLY, newDue);
			file.record(context.actor(), context.at(), "decide-extension", HANDLING, comment, true,
					payload("approve", true, "amount", extension.amount(), "unit", extension.unit().name(), "dueAt",
							newDue.toString(), "comment", comment));
			file.messageCitizen("case.message.extended");
			file.notifyUnit(lead.unitId(), "EXTENSION_APPROVED", "case.notice.extensionApproved");
		}
		else {
			file.record(context.actor(), context.at(), "decide-extension", HANDLING, comment, false,
					payload("approve", false, "comment", comment));
			file.notifyUnit(lead.unitId(), "EXTENSION_REFUSED", "case.notice.extensionRefused");
		}
		return Outcome.DONE;
	}

	Outcome reply(ActionContext context, ReplyResult result, String text) {
		if (result == null) {
			return Outcome.invalid("result", "NotNull");
		}
		if (blank(text)) {
			return Outcome.invalid("text", "NotBlank");
		}
		CaseFile file = context.file();
		OffsetDateTime at = context.at();
		file.status(REPLIED);
		file.reply(result.name(), text, at, false);
		file.pendingExtension(null, null);
		file.meetDeadline(DeadlineKind.REPLY, at);
		file.openAssists().forEach((assist) -> assist.finish(at, null));
		file.record(context.actor(), at, "reply", HANDLING, text, false,
				payload("result", result.name(), "unitCode", file.lead().map(UnitTask::unitCode).orElse(null)));
		if (file.dispatchedByUnitId() != null) {
			file.notifyUnit(file.dispatchedByUnitId(), "REPLIED", "case.notice.replied");
		}
		return Outcome.DONE;
	}

	Outcome reviewReply(ActionContext context, Boolean approve, String comment) {
		if (approve == null) {
			return Outcome.invalid("approve", "NotNull");
		}
		CaseFile file = context.file();
		UnitTask lead = file.lead().orElseThrow();
		if (approve) {
			file.status(VISITING);
			file.replyApproved(true);
			file.visitedAt(null);
			file.record(context.actor(), context.at(), "review-reply", REPLIED, file.replyText(), true,
					payload("approve", true, "comment", comment));
			file.messageCitizen("case.message.replied");
			return Outcome.DONE;
		}
		if (blank(comment)) {
			return Outcome.invalid("comment", "NotBlank");
		}
		file.status(HANDLING);
		file.record(context.actor(), context.at(), "review-reply", REPLIED, comment, false,
				payload("approve", false, "comment", comment));
		file.notifyUnit(lead.unitId(), "REPLY_SENT_BACK", "case.notice.replySentBack");
		return Outcome.DONE;
	}

	Outcome recordReturnVisit(ActionContext context, Resolution resolved, Satisfaction satisfaction, String note) {
		CaseFile file = context.file();
		if (file.visitedAt() != null) {
			return Outcome.illegal("case.alreadyVisited");
		}
		if (resolved == null) {
			return Outcome.invalid("resolved", "NotNull");
		}
		if (satisfaction == null) {
			return Outcome.invalid("satisfaction", "NotNull");
		}
		boolean online = context.actor() != null && context.actor().isCitizen();
		file.recordVisit(context.actor(), context.at(), resolved.name(), satisfaction.name(), note);
		file.record(context.actor(), context.at(), "return-visit", VISITING, note, false,
				payload("resolved", resolved.name(), "satisfaction", satisfaction.name(), "unitCode",
						file.lead().map(UnitTask::unitCode).orElse(null), "channel", online ? "ONLINE" : null, "source",
						online ? context.source() : null));
		if (resolved != Resolution.UNRESOLVED && satisfaction != Satisfaction.UNSATISFIED) {
			finish(context, VISITING, null, Map.of());
		}
		else if (online && file.dispatchedByUnitId() != null) {
			// nobody at the hotline recorded this answer: tell the dispatching centre
			// that
			// the citizen is not satisfied, so that it reopens or closes the case
			file.notifyUnit(file.dispatchedByUnitId(), "RATED_ONLINE", "case.notice.ratedOnline");
		}
		return Outcome.DONE;
	}

	Outcome reopen(ActionContext context, String reason, Limits limits) {
		if (blank(reason)) {
			return Outcome.invalid("reason", "NotBlank");
		}
		CaseFile file = context.file();
		if (file.status() == VISITING && file.visitedAt() == null) {
			return Outcome.illegal("case.visitFirst");
		}
		UnitTask lead = file.lead().orElse(null);
		if (lead == null) {
			return Outcome.illegal("case.noLeadUnit");
		}
		CaseStatus from = file.status();
		lead.resume();
		file.countReopen();
		file.status(HANDLING);
		file.closedAt(null);
		file.replyApproved(false);
		file.visitedAt(null);
		file.setDeadline(DeadlineKind.REPLY, this.calendar.deadline(context.at(), limits.reply()));
		file.record(context.actor(), context.at(), "reopen", from, reason, true,
				payload("reason", reason, "unitCode", lead.unitCode(), "replyDueAt",
						file.deadline(DeadlineKind.REPLY).map((d) -> d.dueAt().toString()).orElse(null)));
		file.notifyUnit(lead.unitId(), "REOPENED", "case.notice.reopened");
		return Outcome.DONE;
	}

	Outcome close(ActionContext context, String note) {
		return close(context, note, Map.of());
	}

	/**
	 * Closes a case; {@code payload} records where an answer given at once came from (a
	 * knowledge-base article and its version).
	 */
	Outcome close(ActionContext context, String note, Map<String, ?> payload) {
		CaseFile file = context.file();
		if (file.status() == REGISTERED) {
			if (!DemandType.CONSULT.name().equals(file.type())) {
				return Outcome.illegal("case.onlyConsultationsCloseAtOnce");
			}
			if (blank(note)) {
				return Outcome.invalid("note", "NotBlank");
			}
			file.reply(ReplyResult.EXPLAINED.name(), note.strip(), context.at(), true);
		}
		else if (file.visitedAt() == null) {
			return Outcome.illegal("case.visitFirst");
		}
		finish(context, file.status(), note, payload);
		return Outcome.DONE;
	}

	private static void finish(ActionContext context, CaseStatus from, String note, Map<String, ?> payload) {
		CaseFile file = context.file();
		file.status(CLOSED);
		file.closedAt(context.at());
		file.finishOpenTasks(context.at());
		file.record(context.actor(), context.at(), "close", from, note, true, payload);
		file.messageCitizen("case.message.closed");
	}

	Outcome escalate(ActionContext context, UnitRef higher, String reason, Limits limits) {
		if (higher == null) {
			return Outcome.invalid("unitCode", "NotBlank");
		}
		if (blank(reason)) {
			return Outcome.invalid("reason", "NotBlank");
		}
		CaseFile file = context.file();
		if (file.assigned() == null || !higher.isAncestorOf(file.assigned().path())) {
			return Outcome.invalid("unitCode", "case.escalateUpwards");
		}
		CaseStatus from = file.status();
		assign(context, higher, List.of(), List.of(), limits);
		Map<String, Object> payload = payload("unitCode", higher.code(), "reason", reason);
		payload.putAll(clocks(file));
		file.record(context.actor(), context.at(), "escalate", from, higher.name() + "：" + reason, true, payload);
		return Outcome.DONE;
	}

	Outcome report(ActionContext context, String note) {
		if (blank(note)) {
			return Outcome.invalid("note", "NotBlank");
		}
		CaseFile file = context.file();
		Actor actor = context.actor();
		UnitTask task = file.openAssists()
			.stream()
			.filter((t) -> t.unitId() == actor.unitId())
			.findFirst()
			.orElseThrow();
		task.finish(context.at(), note);
		file.record(actor, context.at(), "report", file.status(), task.unitName() + "：" + note, false,
				Map.of("unitCode", task.unitCode()));
		file.lead()
			.ifPresent((lead) -> file.notifyUnit(lead.unitId(), "ASSIST_REPORTED", "case.notice.assistReported"));
		return Outcome.DONE;
	}

}
