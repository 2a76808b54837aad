package org.yixian.petition;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;
import org.yixian.calendar.BusinessCalendar;
import org.yixian.casework.ActionContext;
import org.yixian.casework.CaseDocuments.DocumentKind;
import org.yixian.casework.CaseFile;
import org.yixian.casework.CaseStatus;
import org.yixian.casework.DeadlineKind;
import org.yixian.casework.Outcome;
import org.yixian.casework.UnitRef;
import org.yixian.casework.UnitRole;
import org.yixian.casework.UnitTask;
import org.yixian.petition.PetitionAction.DecisionOutcome;
import org.yixian.petition.PetitionFacts.Petition;

import static org.yixian.casework.CaseStatus.DECIDED;
import static org.yixian.casework.CaseStatus.FINAL;
import static org.yixian.casework.CaseStatus.RECHECKING;
import static org.yixian.casework.CaseStatus.REVIEWED;
import static org.yixian.casework.CaseStatus.REVIEWING;
import static org.yixian.casework.CommonTransitions.blank;
import static org.yixian.casework.CommonTransitions.payload;

/**
 * Decisions on a petition and the remedies against them: the written decision of the unit
 * (处理意见书), the request for 复查 to the unit above and its decision (复查意见书), the request for
 * 复核 to the next unit up, its hearings, whose time does not count, and its decision
 * (复核意见书), after which the matter is final (终结).
 */
@Component
class PetitionDecisions {

	private final BusinessCalendar calendar;

	private final PetitionLetters letters;

	PetitionDecisions(BusinessCalendar calendar, PetitionLetters letters) {
		this.calendar = calendar;
		this.letters = letters;
	}

	/**
	 * {@code decide}, {@code review-decide} and {@code recheck-decide}: the written
	 * decision of the unit that leads the stage, as a document.
	 */
	Outcome decide(ActionContext context, Petition petition, DecisionOutcome outcome, String text,
			PetitionAction stage) {
		if (outcome == null) {
			return Outcome.invalid("outcome", "NotNull");
		}
		if (blank(text)) {
			return Outcome.invalid("text", "NotBlank");
		}
		CaseFile file = context.file();
		if (stage == PetitionAction.RECHECK_DECIDE && petition.hearingStartedAt != null) {
			return Outcome.illegal("petition.hearingOpen");
		}
		CaseStatus from = file.status();
		OffsetDateTime at = context.at();
		UnitTask lead = file.lead().orElseThrow();
		UnitRef unit = new UnitRef(lead.unitId(), lead.unitCode(), lead.unitName(), lead.unitPath(), 0);
		DeadlineKind met;
		DeadlineKind window;
		DocumentKind document;
		CaseStatus to;
		switch (stage) {
			case DECIDE -> {
				met = DeadlineKind.DECIDE;
				window = DeadlineKind.REVIEW_REQUEST;
				document = DocumentKind.DECISION;
				to = DECIDED;
			}
			case REVIEW_DECIDE -> {
				met = DeadlineKind.REVIEW_DECIDE;
				window = DeadlineKind.RECHECK_REQUEST;
				document = DocumentKind.REVIEW_DECISION;
				to = REVIEWED;
			}
			default -> {
				met = DeadlineKind.RECHECK_DECIDE;
				window = null;
				document = DocumentKind.RECHECK_DECISION;
				to = FINAL;
			}
		}
		petition.outcome = outcome.name();
		file.status(to);
		file.reply(outcome.name(), text.strip(), at, true);
		file.meetDeadline(met, at);
		lead.finish(at, null);
		if (window != null) {
			file.setDeadline(window, this.calendar.deadline(at, PetitionClocks.REQUEST_WINDOW));
		}
		else {
			file.closedAt(at);
			petition.followUpOwed = true;
		}
		long documentId = this.letters.issue(context, document, outcome, text.strip(), unit);
		file.record(context.actor(), at, stage.wireName(), from, text, true, payload("outcome", outcome.name(),
				"documentId", documentId, "documentKind", document.name(), "unitCode", unit.code()));
		file.messageCitizen("petition.message.decided");
		if (petition.resultRequired && stage == PetitionAction.DECIDE && file.dispatchedByUnitId() != null) {
			file.notifyUnit(file.dispatchedByUnitId(), "PETITION_RESULT", "petition.notice.result");
		}
		return Outcome.DONE;
	}

	/**
	 * {@code request-review} (复查, to the unit above the deciding one) and
	 * {@code request-recheck} (复核, to the unit above the reviewing one), within their
	 * 30-day windows.
	 */
	Outcome requestHigherLevel(ActionContext context, Petition petition, String reason, UnitRef higher,
			PetitionAction stage) {
		if (blank(reason)) {
			return Outcome.invalid("reason", "NotBlank");
		}
		CaseFile file = context.file();
		boolean review = stage == PetitionAction.REQUEST_REVIEW;
		DeadlineKind window = review ? DeadlineKind.REVIEW_REQUEST : DeadlineKind.RECHECK_REQUEST;
		if (PetitionWorkflow.windowPassed(file, window, context.at())) {
			return Outcome.illegal("petition.windowPassed");
		}
		if (higher == null) {
			return Outcome.illegal("petition.noHigherUnit");
		}
		CaseStatus from = file.status();
		OffsetDateTime at = context.at();
		file.meetDeadline(window, at);
		file.open(higher, UnitRole.LEAD, at);
		file.assigned(higher);
		if (review) {
			petition.reviewUnitId = higher.id();
		}
		else {
			petition.recheckUnitId = higher.id();
		}
		file.status(review ? REVIEWING : RECHECKING);
		file.setDeadline(review ? DeadlineKind.REVIEW_DECIDE : DeadlineKind.RECHECK_DECIDE,
				this.calendar.deadline(at, PetitionClocks.REVIEW));
		file.record(context.actor(), at, stage.wireName(), from, reason, true,
				payload("unitCode", higher.code(), "reason", reason));
		file.notifyUnit(higher.id(), review ? "PETITION_REVIEW" : "PETITION_RECHECK",
				review ? "petition.notice.review" : "petition.notice.recheck");
		return Outcome.DONE;
	}

	Outcome startHearing(ActionContext context, Petition petition, String note) {
		if (petition.hearingStartedAt != null) {
			return Outcome.illegal("petition.hearingOpen");
		}
		petition.hearingStartedAt = context.at();
		context.file()
			.record(context.actor(), context.at(), "start-hearing", RECHECKING, note, true, payload("note", note));
		return Outcome.DONE;
	}

	Outcome endHearing(ActionContext context, Petition petition, String note) {
		if (petition.hearingStartedAt == null) {
			return Outcome.illegal("petition.noHearing");
		}
		Duration length = Duration.between(petition.hearingStartedAt, context.at());
		petition.hearingStartedAt = null;
		CaseFile file = context.file();
		file.postponeDeadline(DeadlineKind.RECHECK_DECIDE, length);
		file.record(context.actor(), context.at(), "end-hearing", RECHECKING, note, true,
				payload("hearingSeconds", length.toSeconds(), "dueAt",
						file.deadline(DeadlineKind.RECHECK_DECIDE).map((d) -> d.dueAt().toString()).orElse(null)));
		return Outcome.DONE;
	}

}
