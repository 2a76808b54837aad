package org.yixian.petition;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yixian.calendar.BusinessCalendar;
import org.yixian.calendar.PeriodUnit;
import org.yixian.calendar.TimeLimit;
import org.yixian.casework.ActionContext;
import org.yixian.casework.CaseFile;
import org.yixian.casework.CaseStatus;
import org.yixian.casework.CommonCommands.ReviewDecision;
import org.yixian.casework.DeadlineKind;
import org.yixian.casework.Outcome;
import org.yixian.casework.UnitRef;
import org.yixian.casework.UnitRole;
import org.yixian.casework.UnitTask;
import org.yixian.petition.PetitionAction.NotAcceptGround;
import org.yixian.petition.PetitionFacts.Petition;

import static org.yixian.casework.CaseStatus.ACCEPTED;
import static org.yixian.casework.CaseStatus.CLOSED;
import static org.yixian.casework.CaseStatus.DECIDED;
import static org.yixian.casework.CaseStatus.FINAL;
import static org.yixian.casework.CaseStatus.NOT_ACCEPTED;
import static org.yixian.casework.CaseStatus.OBJECTED;
import static org.yixian.casework.CaseStatus.TRANSFERRED;
import static org.yixian.casework.CommonTransitions.blank;
import static org.yixian.casework.CommonTransitions.payload;

/**
 * The petition state machine up to the decision and after it: transfer, acceptance or
 * refusal, objection, extension, closing, follow-up and escalation — what each action
 * checks (its windows and the law's limits), changes, which clocks it starts and meets,
 * and what it appends to the timeline. Decisions and the remedies against them (复查, 复核,
 * hearings) are {@link PetitionDecisions}. {@link PetitionTrack} has already checked
 * permission and the state it starts from.
 */
@Component
class PetitionWorkflow {

	private final BusinessCalendar calendar;

	PetitionWorkflow(BusinessCalendar calendar) {
		this.calendar = calendar;
	}

	Outcome transfer(ActionContext context, Petition petition, UnitRef unit, boolean resultRequired, String note) {
		if (unit == null) {
			return Outcome.invalid("unitCode", "NotBlank");
		}
		CaseFile file = context.file();
		CaseStatus from = file.status();
		assign(context, unit);
		petition.resultRequired = resultRequired;
		file.meetDeadline(DeadlineKind.REGISTER, context.at());
		file.record(context.actor(), context.at(), "transfer", from,
				unit.name() + (blank(note) ? "" : "：" + note.strip()), true,
				payload("unitCode", unit.code(), "resultRequired", resultRequired, "note", note));
		return Outcome.DONE;
	}

	/**
	 * The petition goes to a unit: its task opens, the OBJECT and NOTIFY clocks start.
	 */
	private void assign(ActionContext context, UnitRef unit) {
		CaseFile file = context.file();
		OffsetDateTime at = context.at();
		file.withdrawOpenTasks(at, false);
		file.open(unit, UnitRole.LEAD, at);
		file.assigned(unit);
		file.status(TRANSFERRED);
		file.dispatchedAt(at);
		if (context.actor() != null) {
			file.dispatchedByUnitId(context.actor().unitId());
		}
		file.setDeadline(DeadlineKind.OBJECT, this.calendar.deadline(at, PetitionClocks.OBJECT));
		file.setDeadline(DeadlineKind.NOTIFY, this.calendar.deadline(at, PetitionClocks.NOTIFY));
		file.notifyUnit(unit.id(), "PETITION_TRANSFERRED", "petition.notice.transferred");
	}

	Outcome accept(ActionContext context, UnitRef ownUnit, String note) {
		CaseFile file = context.file();
		CaseStatus from = file.status();
		OffsetDateTime at = context.at();
		if (from == CaseStatus.REGISTERED) {
			file.open(ownUnit, UnitRole.LEAD, at);
			file.assigned(ownUnit);
			file.meetDeadline(DeadlineKind.REGISTER, at);
			file.setDeadline(DeadlineKind.NOTIFY, this.calendar.deadline(file.receivedAt(), PetitionClocks.NOTIFY));
		}
		file.status(ACCEPTED);
		file.signedAt(at);
		file.meetDeadline(DeadlineKind.NOTIFY, at);
		file.meetDeadline(DeadlineKind.OBJECT, at);
		file.setDeadline(DeadlineKind.DECIDE, this.calendar.deadline(at, PetitionClocks.DECIDE));
		file.record(context.actor(), at, "accept", from, note, true,
				payload("unitCode", file.lead().map(UnitTask::unitCode).orElse(null), "note", note, "dueAt",
						file.deadline(DeadlineKind.DECIDE).map((d) -> d.dueAt().toString()).orElse(null)));
		file.messageCitizen("petition.message.accepted");
		return Outcome.DONE;
	}

	Outcome notAccept(ActionContext context, Petition petition, NotAcceptGround ground, String reason) {
		if (ground == null) {
			return Outcome.invalid("ground", "NotNull");
		}
		if (blank(reason)) {
			return Outcome.invalid("reason", "NotBlank");
		}
		CaseFile file = context.file();
		CaseStatus from = file.status();
		petition.notAcceptGround = ground.name();
		file.status(NOT_ACCEPTED);
		file.closedAt(context.at());
		file.meetDeadline(DeadlineKind.REGISTER, context.at());
		file.meetDeadline(DeadlineKind.NOTIFY, context.at());
		file.meetDeadline(DeadlineKind.OBJECT, context.at());
		file.finishOpenTasks(context.at());
		file.record(context.actor(), context.at(), "not-accept", from, reason, true,
				payload("ground", ground.name(), "reason", reason));
		file.messageCitizen("petition.message.notAccepted");
		return Outcome.DONE;
	}

	Outcome object(ActionContext context, String reason) {
		if (blank(reason)) {
			return Outcome.invalid("reason", "NotBlank");
		}
		CaseFile file = context.file();
		if (windowPassed(file, DeadlineKind.OBJECT, context.recordedAt())) {
			return Outcome.illegal("petition.objectionTooLate");
		}
		UnitTask lead = file.lead().orElseThrow();
		if (!lead.mayReturn()) {
			return Outcome.illegal("petition.mayNotObjectAgain");
		}
		lead.countReturn();
		file.countReturn();
		file.status(OBJECTED);
		file.meetDeadline(DeadlineKind.OBJECT, context.at());
		file.record(context.actor(), context.at(), "object", TRANSFERRED, reason, false,
				payload("unitCode", lead.unitCode(), "reason", reason));
		if (file.dispatchedByUnitId() != null) {
			file.notifyUnit(file.dispatchedByUnitId(), "PETITION_OBJECTED", "petition.notice.objected");
		}
		return Outcome.DONE;
	}

	Outcome reviewObjection(ActionContext context, ReviewDecision decision, UnitRef unit, String comment) {
		if (decision == null) {
			return Outcome.invalid("decision", "NotNull");
		}
		CaseFile file = context.file();
		if (decision == ReviewDecision.ACCEPT) {
			if (unit == null) {
				return Outcome.invalid("unitCode", "NotBlank");
			}
			assign(context, unit);
			file.record(context.actor(), context.at(), "review-objection", OBJECTED,
					unit.name() + (blank(comment) ? "" : "：" + comment), false,
					payload("decision", "ACCEPT", "unitCode", unit.code(), "comment", comment));
			return Outcome.DONE;
		}
		UnitTask lead = file.lead().orElseThrow();
		lead.forbidReturn();
		file.status(TRANSFERRED);
		file.record(context.actor(), context.at(), "review-objection", OBJECTED, comment, false,
				payload("decision", "REJECT", "unitCode", lead.unitCode(), "comment", comment));
		file.notifyUnit(lead.unitId(), "PETITION_OBJECTION_REJECTED", "petition.notice.objectionRejected");
		return Outcome.DONE;
	}

	Outcome requestExtension(ActionContext context, Petition petition, Integer amount, PeriodUnit unit, String reason) {
		CaseFile file = context.file();
		if (petition.extensionUsed || file.pendingExtension() != null) {
			return Outcome.illegal("petition.extensionOnce");
		}
		if (amount == null) {
			return Outcome.invalid("amount", "NotNull");
		}
		if (unit != null && unit != PeriodUnit.CALENDAR_DAYS) {
			return Outcome.invalid("unit", "petition.extensionInDays");
		}
		if (amount > PetitionClocks.MAX_EXTENSION_DAYS) {
			return Outcome.invalid("amount", "petition.extensionTooLong");
		}
		if (blank(reason)) {
			return Outcome.invalid("reason", "NotBlank");
		}
		file.pendingExtension(TimeLimit.calendarDays(amount), reason);
		file.record(context.actor(), context.at(), "request-extension", ACCEPTED, reason, false,
				payload("amount", amount, "unit", PeriodUnit.CALENDAR_DAYS.name(), "reason", reason));
		return Outcome.DONE;
	}

	Outcome decideExtension(ActionContext context, Petition petition, Boolean approve, String comment) {
		CaseFile file = context.file();
		if (file.pendingExtension() == null) {
			return Outcome.illegal("case.noPendingExtension");
		}
		if (approve == null) {
			return Outcome.invalid("approve", "NotNull");
		}
		TimeLimit extension = file.pendingExtension();
		String reason = file.extensionReason();
		file.pendingExtension(null, null);
		if (approve) {
			petition.extensionUsed = true;
			OffsetDateTime due = (file.signedAt() != null)
					? this.calendar.deadline(file.signedAt(),
							TimeLimit.calendarDays(PetitionClocks.DECIDE.amount() + extension.amount()))
					: this.calendar.deadline(file.deadline(DeadlineKind.DECIDE).orElseThrow().dueAt(), extension);
			file.setDeadline(DeadlineKind.DECIDE, due);
			file.record(context.actor(), context.at(), "decide-extension", ACCEPTED, reason, true, payload("approve",
					true, "amount", extension.amount(), "dueAt", due.toString(), "comment", comment));
			file.messageCitizen("petition.message.extended");
		}
		else {
			file.record(context.actor(), context.at(), "decide-extension", ACCEPTED, comment, false,
					payload("approve", false, "comment", comment));
		}
		file.lead()
			.ifPresent((lead) -> file.notifyUnit(lead.unitId(), approve ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED",
					approve ? "case.notice.extensionApproved" : "case.notice.extensionRefused"));
		return Outcome.DONE;
	}

	Outcome close(ActionContext context, String note) {
		CaseFile file = context.file();
		DeadlineKind window = (file.status() == DECIDED) ? DeadlineKind.REVIEW_REQUEST : DeadlineKind.RECHECK_REQUEST;
		if (!windowPassed(file, window, context.at())) {
			return Outcome.illegal("petition.windowOpen");
		}
		CaseStatus from = file.status();
		file.status(CLOSED);
		file.closedAt(context.at());
		file.finishOpenTasks(context.at());
		file.record(context.actor(), context.at(), "close", from, note, true, payload("window", window.name()));
		return Outcome.DONE;
	}

	Outcome followUp(ActionContext context, Petition petition, String note, Boolean done) {
		if (blank(note)) {
			return Outcome.invalid("note", "NotBlank");
		}
		boolean finished = Boolean.TRUE.equals(done);
		if (finished) {
			petition.followUpOwed = false;
		}
		context.file()
			.record(context.actor(), context.at(), "follow-up", FINAL, note, false, payload("done", finished));
		return Outcome.DONE;
	}

	Outcome escalate(ActionContext context, UnitRef higher, String reason) {
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
		file.withdrawOpenTasks(context.at(), false);
		file.open(higher, UnitRole.LEAD, context.at());
		file.assigned(higher);
		file.record(context.actor(), context.at(), "escalate", from, higher.name() + "：" + reason, true,
				payload("unitCode", higher.code(), "reason", reason));
		file.notifyUnit(higher.id(), "PETITION_ESCALATED", "petition.notice.escalated");
		return Outcome.DONE;
	}

	/**
	 * Whether a window or time limit has run out at the time of the act.
	 */
	static boolean windowPassed(CaseFile file, DeadlineKind kind, OffsetDateTime at) {
		return file.deadline(kind).map((d) -> at.isAfter(d.dueAt())).orElse(false);
	}

}
