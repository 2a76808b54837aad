package org.yixian.petition;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yixian.calendar.PeriodUnit;
import org.yixian.calendar.TimeLimit;
import org.yixian.casework.ActionContext;
import org.yixian.casework.CaseDocuments.DocumentKind;
import org.yixian.casework.CaseFile;
import org.yixian.casework.CaseFile.NewEvent;
import org.yixian.casework.CaseFile.Notice;
import org.yixian.casework.CaseStatus;
import org.yixian.casework.CommonCommands.ReviewDecision;
import org.yixian.casework.CommonTransitions;
import org.yixian.casework.DeadlineKind;
import org.yixian.casework.Outcome;
import org.yixian.casework.UnitTask;
import org.yixian.petition.PetitionAction.DecisionOutcome;
import org.yixian.petition.PetitionAction.NotAcceptGround;
import org.yixian.petition.PetitionFacts.Petition;
import org.yixian.petition.PetitionFixture.Issued;
import org.yixian.petition.PetitionFixture.RecordingLetters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yixian.casework.CaseStatus.ACCEPTED;
import static org.yixian.casework.CaseStatus.ARCHIVED;
import static org.yixian.casework.CaseStatus.CLOSED;
import static org.yixian.casework.CaseStatus.DECIDED;
import static org.yixian.casework.CaseStatus.FINAL;
import static org.yixian.casework.CaseStatus.NOT_ACCEPTED;
import static org.yixian.casework.CaseStatus.OBJECTED;
import static org.yixian.casework.CaseStatus.RECHECKING;
import static org.yixian.casework.CaseStatus.REGISTERED;
import static org.yixian.casework.CaseStatus.REVIEWED;
import static org.yixian.casework.CaseStatus.REVIEWING;
import static org.yixian.casework.CaseStatus.TRANSFERRED;
import static org.yixian.petition.PetitionFixture.CITY_GOVERNMENT;
import static org.yixian.petition.PetitionFixture.CITY_HANDLER;
import static org.yixian.petition.PetitionFixture.DISTRICT_GOVERNMENT;
import static org.yixian.petition.PetitionFixture.DISTRICT_HANDLER;
import static org.yixian.petition.PetitionFixture.EDUCATION;
import static org.yixian.petition.PetitionFixture.HOUSING;
import static org.yixian.petition.PetitionFixture.HOUSING_HANDLER;
import static org.yixian.petition.PetitionFixture.HOUSING_LEADER;
import static org.yixian.petition.PetitionFixture.OFFICE_DISPATCHER;
import static org.yixian.petition.PetitionFixture.OFFICE_ID;
import static org.yixian.petition.PetitionFixture.OFFICE_OPERATOR;
import static org.yixian.petition.PetitionFixture.actions;
import static org.yixian.petition.PetitionFixture.at;
import static org.yixian.petition.PetitionFixture.by;
import static org.yixian.petition.PetitionFixture.dueAt;
import static org.yixian.petition.PetitionFixture.lastEvent;
import static org.yixian.petition.PetitionFixture.metAt;
import static org.yixian.petition.PetitionFixture.petition;
import static org.yixian.petition.PetitionFixture.task;

/**
 * Every transition of the petition track (《信访工作条例》) on an in-memory case, without Spring
 * or a database: outcomes, statuses, the law's clocks counted against the 2026 calendar
 * (Asia/Shanghai), the letters issued, timeline entries with their payloads,
 * notifications and messages to the petitioner; and the states each action starts from.
 */
class PetitionWorkflowTests {

	private final RecordingLetters letters = new RecordingLetters();

	private final PetitionWorkflow workflow = new PetitionWorkflow(PetitionFixture.calendar());

	private final PetitionDecisions decisions = new PetitionDecisions(PetitionFixture.calendar(), this.letters);

	private final Petition petition = new Petition(2001);

	@Test
	void a_transfer_meets_register_and_starts_the_object_and_notify_clocks() {
		CaseFile file = petition("2026-02-10T09:00", "2026-02-25T23:59:59+08:00");

		assertThat(this.workflow.transfer(by(file, OFFICE_DISPATCHER, "2026-02-12T10:00"), this.petition, null, true,
				null))
			.isEqualTo(Outcome.invalid("unitCode", "NotBlank"));
		Outcome outcome = this.workflow.transfer(by(file, OFFICE_DISPATCHER, "2026-02-12T10:00"), this.petition,
				HOUSING, true, "请依法处理");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(TRANSFERRED);
		assertThat(file.assigned()).isEqualTo(HOUSING);
		assertThat(task(file, HOUSING).isOpen()).isTrue();
		assertThat(file.dispatchedAt()).isEqualTo(at("2026-02-12T10:00"));
		assertThat(file.dispatchedByUnitId()).isEqualTo(OFFICE_ID);
		assertThat(this.petition.resultRequired).isTrue();
		assertThat(metAt(file, DeadlineKind.REGISTER)).isEqualTo(at("2026-02-12T10:00"));
		// 5 working days: Feb 13, Feb 14 (make-up), then the Spring Festival (Feb 15–23),
		// Feb 24, 25, 26
		assertThat(dueAt(file, DeadlineKind.OBJECT)).isEqualTo("2026-02-26T23:59:59+08:00");
		// 15 calendar days: Feb 27, a Friday
		assertThat(dueAt(file, DeadlineKind.NOTIFY)).isEqualTo("2026-02-27T23:59:59+08:00");
		assertThat(metAt(file, DeadlineKind.OBJECT)).isNull();
		assertThat(metAt(file, DeadlineKind.NOTIFY)).isNull();
		assertThat(file.deadline(DeadlineKind.DECIDE)).isEmpty();
		assertThat(file.notices())
			.containsExactly(new Notice(4, "PETITION_TRANSFERRED", "petition.notice.transferred"));
		assertThat(file.newEvents()).containsExactly(
				new NewEvent(at("2026-02-12T10:00"), "xf-dispatcher", "QS-XFJ", "transfer", REGISTERED, TRANSFERRED,
						"区住建局：请依法处理", true, Map.of("unitCode", "QS-ZJ", "resultRequired", true, "note", "请依法处理")));
	}

	@Test
	void a_transfer_recorded_in_utc_counts_from_its_day_in_shanghai() {
		CaseFile file = petition("2026-02-10T09:00", "2026-02-25T23:59:59+08:00");

		this.workflow.transfer(ActionContext.of(file, OFFICE_DISPATCHER, OffsetDateTime.parse("2026-02-12T17:00Z")),
				this.petition, HOUSING, false, null);

		// Friday Feb 13, 01:00 in Shanghai: Feb 14 (make-up), Feb 24, 25, 26, 27; and 15
		// days later the make-up Saturday Feb 28, a working day
		assertThat(dueAt(file, DeadlineKind.OBJECT)).isEqualTo("2026-02-27T23:59:59+08:00");
		assertThat(dueAt(file, DeadlineKind.NOTIFY)).isEqualTo("2026-02-28T23:59:59+08:00");
	}

	@Test
	void accepting_a_transferred_petition_meets_notify_and_starts_sixty_days_to_decide() {
		CaseFile file = transferred();

		Outcome outcome = this.workflow.accept(by(file, HOUSING_HANDLER, "2026-03-05T10:00"), null, "予以受理");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(ACCEPTED);
		assertThat(dueAt(file, DeadlineKind.NOTIFY)).isEqualTo("2026-03-17T23:59:59+08:00");
		assertThat(metAt(file, DeadlineKind.NOTIFY)).isEqualTo(at("2026-03-05T10:00"));
		assertThat(metAt(file, DeadlineKind.OBJECT)).isEqualTo(at("2026-03-05T10:00"));
		// the 60th day, May 4, is in the Labour Day holiday (May 1–5)
		assertThat(dueAt(file, DeadlineKind.DECIDE)).isEqualTo("2026-05-06T23:59:59+08:00");
		assertThat(metAt(file, DeadlineKind.DECIDE)).isNull();
		assertThat(file.citizenMessages()).containsExactly("petition.message.accepted");
		assertThat(lastEvent(file))
			.isEqualTo(new NewEvent(at("2026-03-05T10:00"), "zj-handler", "QS-ZJ", "accept", TRANSFERRED, ACCEPTED,
					"予以受理", true, Map.of("unitCode", "QS-ZJ", "note", "予以受理", "dueAt", "2026-05-06T23:59:59+08:00")));
	}

	@Test
	void a_decision_due_in_the_spring_festival_is_due_on_the_next_working_day() {
		CaseFile file = petition("2025-12-12T09:00", "2025-12-29T23:59:59+08:00");
		this.workflow.transfer(by(file, OFFICE_DISPATCHER, "2025-12-15T10:00"), this.petition, HOUSING, false, null);
		assertThat(dueAt(file, DeadlineKind.OBJECT)).isEqualTo("2025-12-22T23:59:59+08:00");
		assertThat(dueAt(file, DeadlineKind.NOTIFY)).isEqualTo("2025-12-30T23:59:59+08:00");

		this.workflow.accept(by(file, HOUSING_HANDLER, "2025-12-20T10:00"), null, null);

		// 60 days from Dec 20, 2025 is Wednesday Feb 18, 2026, in the Spring Festival
		// (Feb
		// 15–23, Monday Feb 23 included): due at the end of Tuesday Feb 24
		assertThat(dueAt(file, DeadlineKind.DECIDE)).isEqualTo("2026-02-24T23:59:59+08:00");
		assertThat(metAt(file, DeadlineKind.NOTIFY)).isEqualTo(at("2025-12-20T10:00"));
		assertThat(lastEvent(file).payload())
			.isEqualTo(Map.of("unitCode", "QS-ZJ", "dueAt", "2026-02-24T23:59:59+08:00"));
	}

	@Test
	void a_petition_accepted_where_it_was_registered_counts_notify_from_receipt() {
		CaseFile file = petition("2026-02-27T16:00", "2026-03-16T23:59:59+08:00");

		Outcome outcome = this.workflow.accept(by(file, HOUSING_HANDLER, "2026-03-05T10:00"), HOUSING, "本单位职责，直接受理");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(ACCEPTED);
		assertThat(file.assigned()).isEqualTo(HOUSING);
		assertThat(task(file, HOUSING).isOpen()).isTrue();
		assertThat(metAt(file, DeadlineKind.REGISTER)).isEqualTo(at("2026-03-05T10:00"));
		// 15 days from Feb 27 is Saturday Mar 14: due Monday Mar 16 (not Mar 20, 15 days
		// from the acceptance)
		assertThat(dueAt(file, DeadlineKind.NOTIFY)).isEqualTo("2026-03-16T23:59:59+08:00");
		assertThat(metAt(file, DeadlineKind.NOTIFY)).isEqualTo(at("2026-03-05T10:00"));
		assertThat(file.deadline(DeadlineKind.OBJECT)).isEmpty();
		assertThat(dueAt(file, DeadlineKind.DECIDE)).isEqualTo("2026-05-06T23:59:59+08:00");
		assertThat(file.newEvents()).containsExactly(new NewEvent(at("2026-03-05T10:00"), "zj-handler", "QS-ZJ",
				"accept", REGISTERED, ACCEPTED, "本单位职责，直接受理", true,
				Map.of("unitCode", "QS-ZJ", "note", "本单位职责，直接受理", "dueAt", "2026-05-06T23:59:59+08:00")));
	}

	@Test
	void not_accepting_needs_a_ground_and_a_reason() {
		CaseFile file = transferred();

		assertThat(this.workflow.notAccept(by(file, HOUSING_HANDLER, "2026-03-04T10:00"), this.petition, null,
				"应通过行政复议解决"))
			.isEqualTo(Outcome.invalid("ground", "NotNull"));
		assertThat(this.workflow.notAccept(by(file, HOUSING_HANDLER, "2026-03-04T10:00"), this.petition,
				NotAcceptGround.OTHER_CHANNEL, " "))
			.isEqualTo(Outcome.invalid("reason", "NotBlank"));
		assertThat(file.status()).isEqualTo(TRANSFERRED);
		assertThat(this.petition.notAcceptGround).isNull();

		Outcome outcome = this.workflow.notAccept(by(file, HOUSING_HANDLER, "2026-03-04T10:00"), this.petition,
				NotAcceptGround.OTHER_CHANNEL, "应通过行政复议解决");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(NOT_ACCEPTED);
		assertThat(file.closedAt()).isEqualTo(at("2026-03-04T10:00"));
		assertThat(this.petition.notAcceptGround).isEqualTo("OTHER_CHANNEL");
		assertThat(metAt(file, DeadlineKind.NOTIFY)).isEqualTo(at("2026-03-04T10:00"));
		assertThat(metAt(file, DeadlineKind.OBJECT)).isEqualTo(at("2026-03-04T10:00"));
		assertThat(task(file, HOUSING).isOpen()).isFalse();
		assertThat(file.citizenMessages()).containsExactly("petition.message.notAccepted");
		assertThat(lastEvent(file))
			.isEqualTo(new NewEvent(at("2026-03-04T10:00"), "zj-handler", "QS-ZJ", "not-accept", TRANSFERRED,
					NOT_ACCEPTED, "应通过行政复议解决", true, Map.of("ground", "OTHER_CHANNEL", "reason", "应通过行政复议解决")));
	}

	@Test
	void a_unit_may_object_inside_five_working_days() {
		CaseFile file = transferredInTheSpringFestival();

		assertThat(this.workflow.object(by(file, HOUSING_HANDLER, "2026-02-26T23:00"), " "))
			.isEqualTo(Outcome.invalid("reason", "NotBlank"));
		Outcome outcome = this.workflow.object(by(file, HOUSING_HANDLER, "2026-02-26T23:00"), "不属于本单位职责");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(OBJECTED);
		assertThat(file.returnCount()).isEqualTo(1);
		assertThat(metAt(file, DeadlineKind.OBJECT)).isEqualTo(at("2026-02-26T23:00"));
		assertThat(file.notices()).last()
			.isEqualTo(new Notice(OFFICE_ID, "PETITION_OBJECTED", "petition.notice.objected"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-02-26T23:00"), "zj-handler", "QS-ZJ", "object",
				TRANSFERRED, OBJECTED, "不属于本单位职责", false, Map.of("unitCode", "QS-ZJ", "reason", "不属于本单位职责")));
	}

	@Test
	void a_unit_that_objects_after_five_working_days_is_refused() {
		CaseFile file = transferredInTheSpringFestival();

		Outcome outcome = this.workflow.object(by(file, HOUSING_HANDLER, "2026-02-27T00:00"), "不属于本单位职责");

		assertThat(outcome).isEqualTo(Outcome.illegal("petition.objectionTooLate"));
		assertThat(file.status()).isEqualTo(TRANSFERRED);
		assertThat(file.returnCount()).isZero();
		assertThat(metAt(file, DeadlineKind.OBJECT)).isNull();
		assertThat(actions(file)).containsExactly("transfer");
	}

	@Test
	void an_accepted_objection_transfers_the_petition_again_with_fresh_clocks() {
		CaseFile file = transferredInTheSpringFestival();
		this.workflow.object(by(file, HOUSING_HANDLER, "2026-02-13T10:00"), "不属于本单位职责");

		assertThat(
				this.workflow.reviewObjection(by(file, OFFICE_DISPATCHER, "2026-02-24T09:00"), null, EDUCATION, null))
			.isEqualTo(Outcome.invalid("decision", "NotNull"));
		assertThat(this.workflow.reviewObjection(by(file, OFFICE_DISPATCHER, "2026-02-24T09:00"), ReviewDecision.ACCEPT,
				null, null))
			.isEqualTo(Outcome.invalid("unitCode", "NotBlank"));
		Outcome outcome = this.workflow.reviewObjection(by(file, OFFICE_DISPATCHER, "2026-02-24T09:00"),
				ReviewDecision.ACCEPT, EDUCATION, "应由教育局办理");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(TRANSFERRED);
		assertThat(file.assigned()).isEqualTo(EDUCATION);
		assertThat(file.lead()).get().extracting(UnitTask::unitCode).isEqualTo("QS-JY");
		assertThat(task(file, EDUCATION).mayReturn()).isTrue();
		assertThat(task(file, HOUSING).isOpen()).isFalse();
		assertThat(file.dispatchedAt()).isEqualTo(at("2026-02-24T09:00"));
		// afresh from Feb 24: Feb 25, 26, 27, 28 (make-up), Mar 2; and Mar 11
		assertThat(dueAt(file, DeadlineKind.OBJECT)).isEqualTo("2026-03-02T23:59:59+08:00");
		assertThat(metAt(file, DeadlineKind.OBJECT)).isNull();
		assertThat(dueAt(file, DeadlineKind.NOTIFY)).isEqualTo("2026-03-11T23:59:59+08:00");
		assertThat(file.notices()).last()
			.isEqualTo(new Notice(10, "PETITION_TRANSFERRED", "petition.notice.transferred"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-02-24T09:00"), "xf-dispatcher", "QS-XFJ",
				"review-objection", OBJECTED, TRANSFERRED, "区教育局：应由教育局办理", false,
				Map.of("decision", "ACCEPT", "unitCode", "QS-JY", "comment", "应由教育局办理")));
	}

	@Test
	void a_rejected_objection_forbids_a_second_one() {
		CaseFile file = transferredInTheSpringFestival();
		this.workflow.object(by(file, HOUSING_HANDLER, "2026-02-13T10:00"), "不属于本单位职责");

		Outcome rejected = this.workflow.reviewObjection(by(file, OFFICE_DISPATCHER, "2026-02-13T15:00"),
				ReviewDecision.REJECT, null, "属于住建局职责");

		assertThat(rejected).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(TRANSFERRED);
		assertThat(file.assigned()).isEqualTo(HOUSING);
		assertThat(task(file, HOUSING).mayReturn()).isFalse();
		assertThat(dueAt(file, DeadlineKind.NOTIFY)).isEqualTo("2026-02-27T23:59:59+08:00");
		assertThat(file.notices()).last()
			.isEqualTo(new Notice(4, "PETITION_OBJECTION_REJECTED", "petition.notice.objectionRejected"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-02-13T15:00"), "xf-dispatcher", "QS-XFJ",
				"review-objection", OBJECTED, TRANSFERRED, "属于住建局职责", false,
				Map.of("decision", "REJECT", "unitCode", "QS-ZJ", "comment", "属于住建局职责")));

		Outcome again = this.workflow.object(by(file, HOUSING_HANDLER, "2026-02-14T10:00"), "仍不属于本单位职责");

		assertThat(again).isEqualTo(Outcome.illegal("petition.mayNotObjectAgain"));
		assertThat(file.status()).isEqualTo(TRANSFERRED);
		assertThat(file.returnCount()).isEqualTo(1);
	}

	@Test
	void an_extension_is_at_most_thirty_calendar_days_with_a_reason() {
		CaseFile file = accepted();

		assertThat(this.workflow.requestExtension(by(file, HOUSING_HANDLER, "2026-04-20T10:00"), this.petition, 31,
				PeriodUnit.CALENDAR_DAYS, "需补充调查"))
			.isEqualTo(Outcome.invalid("amount", "petition.extensionTooLong"));
		assertThat(this.workflow.requestExtension(by(file, HOUSING_HANDLER, "2026-04-20T10:00"), this.petition, null,
				PeriodUnit.CALENDAR_DAYS, "需补充调查"))
			.isEqualTo(Outcome.invalid("amount", "NotNull"));
		assertThat(this.workflow.requestExtension(by(file, HOUSING_HANDLER, "2026-04-20T10:00"), this.petition, 10,
				PeriodUnit.WORKING_DAYS, "需补充调查"))
			.isEqualTo(Outcome.invalid("unit", "petition.extensionInDays"));
		assertThat(this.workflow.requestExtension(by(file, HOUSING_HANDLER, "2026-04-20T10:00"), this.petition, 30,
				PeriodUnit.CALENDAR_DAYS, " "))
			.isEqualTo(Outcome.invalid("reason", "NotBlank"));
		assertThat(file.pendingExtension()).isNull();
		assertThat(actions(file)).containsExactly("transfer", "accept");
	}

	@Test
	void an_approved_extension_counts_sixty_plus_its_days_from_acceptance_once() {
		CaseFile file = accepted();

		Outcome requested = this.workflow.requestExtension(by(file, HOUSING_HANDLER, "2026-04-20T10:00"), this.petition,
				30, null, "需补充调查");

		assertThat(requested).isEqualTo(Outcome.DONE);
		assertThat(file.pendingExtension()).isEqualTo(TimeLimit.calendarDays(30));
		assertThat(lastEvent(file))
			.isEqualTo(new NewEvent(at("2026-04-20T10:00"), "zj-handler", "QS-ZJ", "request-extension", ACCEPTED,
					ACCEPTED, "需补充调查", false, Map.of("amount", 30, "unit", "CALENDAR_DAYS", "reason", "需补充调查")));
		assertThat(this.workflow.requestExtension(by(file, HOUSING_HANDLER, "2026-04-20T11:00"), this.petition, 10,
				null, "另一理由"))
			.as("while one is pending")
			.isEqualTo(Outcome.illegal("petition.extensionOnce"));

		Outcome approved = this.workflow.decideExtension(by(file, HOUSING_LEADER, "2026-04-21T09:00"), this.petition,
				true, "同意延期");

		assertThat(approved).isEqualTo(Outcome.DONE);
		// 90 days from acceptance on 5 March: Wednesday 3 June (not the 60th day, moved
		// past Labour Day to 6 May, plus 30)
		assertThat(dueAt(file, DeadlineKind.DECIDE)).isEqualTo("2026-06-03T23:59:59+08:00");
		assertThat(this.petition.extensionUsed).isTrue();
		assertThat(file.pendingExtension()).isNull();
		assertThat(file.citizenMessages()).containsExactly("petition.message.accepted", "petition.message.extended");
		assertThat(file.notices()).last()
			.isEqualTo(new Notice(4, "EXTENSION_APPROVED", "case.notice.extensionApproved"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-04-21T09:00"), "zj-leader", "QS-ZJ",
				"decide-extension", ACCEPTED, ACCEPTED, "需补充调查", true,
				Map.of("approve", true, "amount", 30, "dueAt", "2026-06-03T23:59:59+08:00", "comment", "同意延期")));

		Outcome again = this.workflow.requestExtension(by(file, HOUSING_HANDLER, "2026-05-20T10:00"), this.petition, 5,
				PeriodUnit.CALENDAR_DAYS, "仍需调查");

		assertThat(again).isEqualTo(Outcome.illegal("petition.extensionOnce"));
		assertThat(file.pendingExtension()).isNull();
	}

	@Test
	void a_refused_extension_leaves_decide_where_it_was() {
		CaseFile file = accepted();
		assertThat(
				this.workflow.decideExtension(by(file, HOUSING_LEADER, "2026-04-21T09:00"), this.petition, true, null))
			.isEqualTo(Outcome.illegal("case.noPendingExtension"));
		this.workflow.requestExtension(by(file, HOUSING_HANDLER, "2026-04-20T10:00"), this.petition, 30,
				PeriodUnit.CALENDAR_DAYS, "需补充调查");
		assertThat(
				this.workflow.decideExtension(by(file, HOUSING_LEADER, "2026-04-21T09:00"), this.petition, null, null))
			.isEqualTo(Outcome.invalid("approve", "NotNull"));

		Outcome refused = this.workflow.decideExtension(by(file, HOUSING_LEADER, "2026-04-21T09:00"), this.petition,
				false, "时限充足");

		assertThat(refused).isEqualTo(Outcome.DONE);
		assertThat(dueAt(file, DeadlineKind.DECIDE)).isEqualTo("2026-05-06T23:59:59+08:00");
		assertThat(this.petition.extensionUsed).isFalse();
		assertThat(file.pendingExtension()).isNull();
		assertThat(file.citizenMessages()).containsExactly("petition.message.accepted");
		assertThat(file.notices()).last().isEqualTo(new Notice(4, "EXTENSION_REFUSED", "case.notice.extensionRefused"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-04-21T09:00"), "zj-leader", "QS-ZJ",
				"decide-extension", ACCEPTED, ACCEPTED, "时限充足", false, Map.of("approve", false, "comment", "时限充足")));
	}

	@Test
	void a_decision_issues_its_letter_and_opens_the_thirty_day_review_window() {
		CaseFile file = accepted();

		assertThat(this.decisions.decide(by(file, HOUSING_HANDLER, "2026-04-10T10:00"), this.petition, null, "予以支持",
				PetitionAction.DECIDE))
			.isEqualTo(Outcome.invalid("outcome", "NotNull"));
		assertThat(this.decisions.decide(by(file, HOUSING_HANDLER, "2026-04-10T10:00"), this.petition,
				DecisionOutcome.SUPPORT, " ", PetitionAction.DECIDE))
			.isEqualTo(Outcome.invalid("text", "NotBlank"));
		Outcome outcome = this.decisions.decide(by(file, HOUSING_HANDLER, "2026-04-10T10:00"), this.petition,
				DecisionOutcome.SUPPORT, " 经核实，诉求合理，予以支持。\n", PetitionAction.DECIDE);

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(DECIDED);
		assertThat(file.replyResult()).isEqualTo("SUPPORT");
		assertThat(file.replyText()).isEqualTo("经核实，诉求合理，予以支持。");
		assertThat(file.replyApproved()).isTrue();
		assertThat(this.petition.outcome).isEqualTo("SUPPORT");
		assertThat(this.petition.followUpOwed).isFalse();
		assertThat(file.closedAt()).isNull();
		assertThat(metAt(file, DeadlineKind.DECIDE)).isEqualTo(at("2026-04-10T10:00"));
		// 30 days from Apr 10 is Sunday May 10 (May 9 is the make-up Saturday): Monday
		// May 11
		assertThat(dueAt(file, DeadlineKind.REVIEW_REQUEST)).isEqualTo("2026-05-11T23:59:59+08:00");
		UnitTask deciding = task(file, HOUSING);
		assertThat(deciding.isOpen()).isFalse();
		assertThat(deciding.isLive()).isTrue();
		assertThat(this.letters.issued).containsExactly(new Issued(at("2026-04-10T10:00"), DocumentKind.DECISION,
				DecisionOutcome.SUPPORT, "经核实，诉求合理，予以支持。", "QS-ZJ"));
		assertThat(file.citizenMessages()).containsExactly("petition.message.accepted", "petition.message.decided");
		assertThat(file.notices()).last().isEqualTo(new Notice(OFFICE_ID, "PETITION_RESULT", "petition.notice.result"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-04-10T10:00"), "zj-handler", "QS-ZJ", "decide",
				ACCEPTED, DECIDED, " 经核实，诉求合理，予以支持。\n", true,
				Map.of("outcome", "SUPPORT", "documentId", 501L, "documentKind", "DECISION", "unitCode", "QS-ZJ")));
	}

	@Test
	void a_review_requested_inside_the_window_goes_up_with_thirty_days_to_decide() {
		CaseFile file = decided();

		Outcome outcome = this.decisions.requestHigherLevel(by(file, OFFICE_OPERATOR, "2026-05-11T20:00"),
				this.petition, "对处理意见不服", DISTRICT_GOVERNMENT, PetitionAction.REQUEST_REVIEW);

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(REVIEWING);
		assertThat(file.assigned()).isEqualTo(DISTRICT_GOVERNMENT);
		assertThat(file.lead()).get().extracting(UnitTask::unitCode).isEqualTo("QS");
		assertThat(this.petition.reviewUnitId).isEqualTo(2L);
		assertThat(metAt(file, DeadlineKind.REVIEW_REQUEST)).isEqualTo(at("2026-05-11T20:00"));
		assertThat(dueAt(file, DeadlineKind.REVIEW_DECIDE)).isEqualTo("2026-06-10T23:59:59+08:00");
		assertThat(file.notices()).last().isEqualTo(new Notice(2, "PETITION_REVIEW", "petition.notice.review"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-05-11T20:00"), "xf-operator", "QS-XFJ",
				"request-review", DECIDED, REVIEWING, "对处理意见不服", true, Map.of("unitCode", "QS", "reason", "对处理意见不服")));
	}

	@Test
	void a_review_requested_after_the_window_is_refused() {
		CaseFile file = decided();

		Outcome outcome = this.decisions.requestHigherLevel(by(file, OFFICE_OPERATOR, "2026-05-12T00:00"),
				this.petition, "对处理意见不服", DISTRICT_GOVERNMENT, PetitionAction.REQUEST_REVIEW);

		assertThat(outcome).isEqualTo(Outcome.illegal("petition.windowPassed"));
		assertThat(file.status()).isEqualTo(DECIDED);
		assertThat(metAt(file, DeadlineKind.REVIEW_REQUEST)).isNull();
		assertThat(file.deadline(DeadlineKind.REVIEW_DECIDE)).isEmpty();
		assertThat(this.decisions.requestHigherLevel(by(file, OFFICE_OPERATOR, "2026-05-11T20:00"), this.petition,
				"对处理意见不服", null, PetitionAction.REQUEST_REVIEW))
			.isEqualTo(Outcome.illegal("petition.noHigherUnit"));
		assertThat(this.decisions.requestHigherLevel(by(file, OFFICE_OPERATOR, "2026-05-11T20:00"), this.petition, " ",
				DISTRICT_GOVERNMENT, PetitionAction.REQUEST_REVIEW))
			.isEqualTo(Outcome.invalid("reason", "NotBlank"));
	}

	@Test
	void the_review_decision_opens_the_recheck_window() {
		CaseFile file = reviewing();

		Outcome outcome = this.decisions.decide(by(file, DISTRICT_HANDLER, "2026-06-01T10:00"), this.petition,
				DecisionOutcome.EXPLAIN, "维持原处理意见，并作解释。", PetitionAction.REVIEW_DECIDE);

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(REVIEWED);
		assertThat(this.petition.outcome).isEqualTo("EXPLAIN");
		assertThat(metAt(file, DeadlineKind.REVIEW_DECIDE)).isEqualTo(at("2026-06-01T10:00"));
		assertThat(dueAt(file, DeadlineKind.RECHECK_REQUEST)).isEqualTo("2026-07-01T23:59:59+08:00");
		assertThat(task(file, DISTRICT_GOVERNMENT).isOpen()).isFalse();
		assertThat(this.letters.issued).last()
			.isEqualTo(new Issued(at("2026-06-01T10:00"), DocumentKind.REVIEW_DECISION, DecisionOutcome.EXPLAIN,
					"维持原处理意见，并作解释。", "QS"));
		assertThat(file.notices()).as("only the first decision is reported to the office")
			.filteredOn((n) -> n.kind().equals("PETITION_RESULT"))
			.hasSize(1);
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-06-01T10:00"), "qs-handler", "QS", "review-decide",
				REVIEWING, REVIEWED, "维持原处理意见，并作解释。", true,
				Map.of("outcome", "EXPLAIN", "documentId", 502L, "documentKind", "REVIEW_DECISION", "unitCode", "QS")));
	}

	@Test
	void a_recheck_request_goes_one_level_further_up() {
		CaseFile file = reviewed();

		Outcome outcome = this.decisions.requestHigherLevel(by(file, OFFICE_OPERATOR, "2026-06-15T10:00"),
				this.petition, "对复查意见不服", CITY_GOVERNMENT, PetitionAction.REQUEST_RECHECK);

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(RECHECKING);
		assertThat(file.assigned()).isEqualTo(CITY_GOVERNMENT);
		assertThat(this.petition.recheckUnitId).isEqualTo(1L);
		assertThat(metAt(file, DeadlineKind.RECHECK_REQUEST)).isEqualTo(at("2026-06-15T10:00"));
		assertThat(dueAt(file, DeadlineKind.RECHECK_DECIDE)).isEqualTo("2026-07-15T23:59:59+08:00");
		assertThat(file.notices()).last().isEqualTo(new Notice(1, "PETITION_RECHECK", "petition.notice.recheck"));
		assertThat(lastEvent(file))
			.isEqualTo(new NewEvent(at("2026-06-15T10:00"), "xf-operator", "QS-XFJ", "request-recheck", REVIEWED,
					RECHECKING, "对复查意见不服", true, Map.of("unitCode", "SZ", "reason", "对复查意见不服")));
	}

	@Test
	void a_recheck_requested_after_its_window_is_refused() {
		CaseFile file = reviewed();

		Outcome outcome = this.decisions.requestHigherLevel(by(file, OFFICE_OPERATOR, "2026-07-02T00:00"),
				this.petition, "对复查意见不服", CITY_GOVERNMENT, PetitionAction.REQUEST_RECHECK);

		assertThat(outcome).isEqualTo(Outcome.illegal("petition.windowPassed"));
		assertThat(file.status()).isEqualTo(REVIEWED);
	}

	@Test
	void a_hearing_moves_the_recheck_deadline_by_its_length_and_blocks_the_decision_while_open() {
		CaseFile file = rechecking();
		assertThat(this.decisions.endHearing(by(file, CITY_HANDLER, "2026-06-19T09:00"), this.petition, null))
			.isEqualTo(Outcome.illegal("petition.noHearing"));

		Outcome started = this.decisions.startHearing(by(file, CITY_HANDLER, "2026-06-20T09:00"), this.petition,
				"组织听证");

		assertThat(started).isEqualTo(Outcome.DONE);
		assertThat(this.petition.hearingStartedAt).isEqualTo(at("2026-06-20T09:00"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-06-20T09:00"), "sz-handler", "SZ", "start-hearing",
				RECHECKING, RECHECKING, "组织听证", true, Map.of("note", "组织听证")));
		assertThat(this.decisions.startHearing(by(file, CITY_HANDLER, "2026-06-20T10:00"), this.petition, null))
			.isEqualTo(Outcome.illegal("petition.hearingOpen"));

		Outcome whileOpen = this.decisions.decide(by(file, CITY_HANDLER, "2026-06-21T10:00"), this.petition,
				DecisionOutcome.NOT_SUPPORT, "不予支持。", PetitionAction.RECHECK_DECIDE);

		assertThat(whileOpen).isEqualTo(Outcome.illegal("petition.hearingOpen"));
		assertThat(file.status()).isEqualTo(RECHECKING);
		assertThat(this.letters.issued).hasSize(2);

		Outcome ended = this.decisions.endHearing(by(file, CITY_HANDLER, "2026-06-22T15:00"), this.petition, "听证结束");

		assertThat(ended).isEqualTo(Outcome.DONE);
		assertThat(this.petition.hearingStartedAt).isNull();
		// 2 days 6 hours of hearing do not count
		assertThat(dueAt(file, DeadlineKind.RECHECK_DECIDE)).isEqualTo("2026-07-18T05:59:59+08:00");
		assertThat(lastEvent(file))
			.isEqualTo(new NewEvent(at("2026-06-22T15:00"), "sz-handler", "SZ", "end-hearing", RECHECKING, RECHECKING,
					"听证结束", true, Map.of("hearingSeconds", 194_400L, "dueAt", "2026-07-18T05:59:59+08:00")));
	}

	@Test
	void the_recheck_decision_is_final_and_owes_follow_up() {
		CaseFile file = rechecking();
		this.decisions.startHearing(by(file, CITY_HANDLER, "2026-06-20T09:00"), this.petition, null);
		this.decisions.endHearing(by(file, CITY_HANDLER, "2026-06-22T15:00"), this.petition, null);

		Outcome outcome = this.decisions.decide(by(file, CITY_HANDLER, "2026-07-10T10:00"), this.petition,
				DecisionOutcome.NOT_SUPPORT, "复核认为原意见正确，不予支持。", PetitionAction.RECHECK_DECIDE);

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(FINAL);
		assertThat(file.closedAt()).isEqualTo(at("2026-07-10T10:00"));
		assertThat(this.petition.followUpOwed).isTrue();
		assertThat(this.petition.outcome).isEqualTo("NOT_SUPPORT");
		assertThat(metAt(file, DeadlineKind.RECHECK_DECIDE)).isEqualTo(at("2026-07-10T10:00"));
		assertThat(file.deadlines()).containsOnlyKeys(DeadlineKind.REGISTER, DeadlineKind.OBJECT, DeadlineKind.NOTIFY,
				DeadlineKind.DECIDE, DeadlineKind.REVIEW_REQUEST, DeadlineKind.REVIEW_DECIDE,
				DeadlineKind.RECHECK_REQUEST, DeadlineKind.RECHECK_DECIDE);
		assertThat(this.letters.issued).extracting(Issued::kind)
			.containsExactly(DocumentKind.DECISION, DocumentKind.REVIEW_DECISION, DocumentKind.RECHECK_DECISION);
		assertThat(this.letters.issued).last().extracting(Issued::unitCode).isEqualTo("SZ");
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-07-10T10:00"), "sz-handler", "SZ", "recheck-decide",
				RECHECKING, FINAL, "复核认为原意见正确，不予支持。", true, Map.of("outcome", "NOT_SUPPORT", "documentId", 503L,
						"documentKind", "RECHECK_DECISION", "unitCode", "SZ")));
		assertThat(actions(file)).containsExactly("transfer", "accept", "decide", "request-review", "review-decide",
				"request-recheck", "start-hearing", "end-hearing", "recheck-decide");
	}

	@Test
	void closing_before_the_review_window_passed_is_refused() {
		CaseFile file = decided();

		Outcome outcome = this.workflow.close(by(file, OFFICE_OPERATOR, "2026-05-11T23:59:59"), "未申请复查");

		assertThat(outcome).isEqualTo(Outcome.illegal("petition.windowOpen"));
		assertThat(file.status()).isEqualTo(DECIDED);
		assertThat(file.closedAt()).isNull();
	}

	@Test
	void a_decided_petition_closes_once_the_review_window_passed_unused() {
		CaseFile file = decided();

		Outcome outcome = this.workflow.close(by(file, OFFICE_OPERATOR, "2026-05-12T09:00"), "未申请复查");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(CLOSED);
		assertThat(file.closedAt()).isEqualTo(at("2026-05-12T09:00"));
		assertThat(file.units()).noneMatch(UnitTask::isOpen);
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-05-12T09:00"), "xf-operator", "QS-XFJ", "close",
				DECIDED, CLOSED, "未申请复查", true, Map.of("window", "REVIEW_REQUEST")));
	}

	@Test
	void a_reviewed_petition_closes_once_the_recheck_window_passed_unused() {
		CaseFile file = reviewed();

		assertThat(this.workflow.close(by(file, OFFICE_OPERATOR, "2026-07-01T12:00"), null))
			.isEqualTo(Outcome.illegal("petition.windowOpen"));
		Outcome outcome = this.workflow.close(by(file, OFFICE_OPERATOR, "2026-07-02T09:00"), null);

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(CLOSED);
		assertThat(lastEvent(file).payload()).isEqualTo(Map.of("window", "RECHECK_REQUEST"));
	}

	@Test
	void a_follow_up_that_is_done_clears_the_owed_flag() {
		CaseFile file = finalised();

		assertThat(this.workflow.followUp(by(file, CITY_HANDLER, "2026-07-20T10:00"), this.petition, " ", true))
			.isEqualTo(Outcome.invalid("note", "NotBlank"));
		Outcome notYet = this.workflow.followUp(by(file, CITY_HANDLER, "2026-07-20T10:00"), this.petition, "已开展疏导教育",
				null);

		assertThat(notYet).isEqualTo(Outcome.DONE);
		assertThat(this.petition.followUpOwed).isTrue();
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-07-20T10:00"), "sz-handler", "SZ", "follow-up",
				FINAL, FINAL, "已开展疏导教育", false, Map.of("done", false)));

		Outcome done = this.workflow.followUp(by(file, CITY_HANDLER, "2026-08-03T10:00"), this.petition, "帮扶救助已落实",
				true);

		assertThat(done).isEqualTo(Outcome.DONE);
		assertThat(this.petition.followUpOwed).isFalse();
		assertThat(file.status()).isEqualTo(FINAL);
		assertThat(lastEvent(file).payload()).isEqualTo(Map.of("done", true));
	}

	@Test
	void every_action_starts_only_from_its_states() {
		Map<PetitionAction, Set<CaseStatus>> expected = Map.ofEntries(
				Map.entry(PetitionAction.TRANSFER, EnumSet.of(REGISTERED)),
				Map.entry(PetitionAction.ACCEPT, EnumSet.of(REGISTERED, TRANSFERRED)),
				Map.entry(PetitionAction.NOT_ACCEPT, EnumSet.of(REGISTERED, TRANSFERRED)),
				Map.entry(PetitionAction.OBJECT, EnumSet.of(TRANSFERRED)),
				Map.entry(PetitionAction.REVIEW_OBJECTION, EnumSet.of(OBJECTED)),
				Map.entry(PetitionAction.REQUEST_EXTENSION, EnumSet.of(ACCEPTED)),
				Map.entry(PetitionAction.DECIDE_EXTENSION, EnumSet.of(ACCEPTED)),
				Map.entry(PetitionAction.DECIDE, EnumSet.of(ACCEPTED)),
				Map.entry(PetitionAction.REQUEST_REVIEW, EnumSet.of(DECIDED)),
				Map.entry(PetitionAction.REVIEW_DECIDE, EnumSet.of(REVIEWING)),
				Map.entry(PetitionAction.REQUEST_RECHECK, EnumSet.of(REVIEWED)),
				Map.entry(PetitionAction.START_HEARING, EnumSet.of(RECHECKING)),
				Map.entry(PetitionAction.END_HEARING, EnumSet.of(RECHECKING)),
				Map.entry(PetitionAction.RECHECK_DECIDE, EnumSet.of(RECHECKING)),
				Map.entry(PetitionAction.CLOSE, EnumSet.of(DECIDED, REVIEWED)),
				Map.entry(PetitionAction.FOLLOW_UP, EnumSet.of(FINAL)),
				Map.entry(PetitionAction.SUPERVISE,
						EnumSet.of(REGISTERED, TRANSFERRED, ACCEPTED, OBJECTED, REVIEWING, RECHECKING)),
				Map.entry(PetitionAction.ESCALATE, EnumSet.of(TRANSFERRED, ACCEPTED)),
				Map.entry(PetitionAction.MERGE, EnumSet.of(REGISTERED, TRANSFERRED, OBJECTED)),
				Map.entry(PetitionAction.ARCHIVE, EnumSet.of(CLOSED, FINAL, NOT_ACCEPTED)));
		List<String> wrong = new ArrayList<>();
		for (PetitionAction action : PetitionAction.values()) {
			for (CaseStatus status : CaseStatus.values()) {
				if (action.startsFrom(status) != expected.get(action).contains(status)) {
					wrong.add(action.wireName() + " from " + status);
				}
			}
		}
		assertThat(expected).hasSize(PetitionAction.values().length);
		assertThat(wrong).isEmpty();
	}

	@ParameterizedTest(name = "{0} from {1}: {2}")
	@CsvSource({ "TRANSFER, REGISTERED, true", "TRANSFER, TRANSFERRED, false", "ACCEPT, REGISTERED, true",
			"ACCEPT, OBJECTED, false", "OBJECT, ACCEPTED, false", "DECIDE, TRANSFERRED, false",
			"REQUEST_REVIEW, DECIDED, true", "REQUEST_RECHECK, DECIDED, false", "CLOSE, FINAL, false",
			"CLOSE, REVIEWED, true", "FOLLOW_UP, CLOSED, false", "ARCHIVE, NOT_ACCEPTED, true", "MERGE, MERGED, false",
			"RECHECK_DECIDE, REVIEWING, false", "ESCALATE, REVIEWING, false" })
	void an_action_starts_from_a_state_or_not(PetitionAction action, CaseStatus status, boolean allowed) {
		assertThat(action.startsFrom(status)).isEqualTo(allowed);
	}

	@Test
	void an_archived_petition_was_closed_first() {
		CaseFile file = decided();
		this.workflow.close(by(file, OFFICE_OPERATOR, "2026-05-12T09:00"), null);

		Outcome outcome = CommonTransitions.archive(by(file, OFFICE_DISPATCHER, "2026-06-30T17:00"));

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(ARCHIVED);
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-06-30T17:00"), "xf-dispatcher", "QS-XFJ", "archive",
				CLOSED, ARCHIVED, null, false, null));
	}

	/**
	 * Received Sunday Mar 1, transferred Monday Mar 2 10:00 (OBJECT Mar 9, NOTIFY Mar 17)
	 * as 交办: the result is reported back.
	 */
	private CaseFile transferred() {
		CaseFile file = petition("2026-03-01T16:00", "2026-03-16T23:59:59+08:00");
		this.workflow.transfer(by(file, OFFICE_DISPATCHER, "2026-03-02T10:00"), this.petition, HOUSING, true, null);
		return file;
	}

	/**
	 * Transferred Thursday Feb 12, before the Spring Festival: OBJECT Feb 26, NOTIFY Feb
	 * 27.
	 */
	private CaseFile transferredInTheSpringFestival() {
		CaseFile file = petition("2026-02-10T09:00", "2026-02-25T23:59:59+08:00");
		this.workflow.transfer(by(file, OFFICE_DISPATCHER, "2026-02-12T10:00"), this.petition, HOUSING, false, null);
		return file;
	}

	/**
	 * Accepted Thursday Mar 5: DECIDE May 6.
	 */
	private CaseFile accepted() {
		CaseFile file = transferred();
		this.workflow.accept(by(file, HOUSING_HANDLER, "2026-03-05T10:00"), null, null);
		return file;
	}

	/**
	 * Decided Friday Apr 10: REVIEW_REQUEST May 11.
	 */
	private CaseFile decided() {
		CaseFile file = accepted();
		this.decisions.decide(by(file, HOUSING_HANDLER, "2026-04-10T10:00"), this.petition, DecisionOutcome.SUPPORT,
				"经核实，诉求合理，予以支持。", PetitionAction.DECIDE);
		return file;
	}

	/**
	 * Review requested May 11 at the district government: REVIEW_DECIDE Jun 10.
	 */
	private CaseFile reviewing() {
		CaseFile file = decided();
		this.decisions.requestHigherLevel(by(file, OFFICE_OPERATOR, "2026-05-11T20:00"), this.petition, "对处理意见不服",
				DISTRICT_GOVERNMENT, PetitionAction.REQUEST_REVIEW);
		return file;
	}

	/**
	 * Reviewed Monday Jun 1: RECHECK_REQUEST Jul 1.
	 */
	private CaseFile reviewed() {
		CaseFile file = reviewing();
		this.decisions.decide(by(file, DISTRICT_HANDLER, "2026-06-01T10:00"), this.petition, DecisionOutcome.EXPLAIN,
				"维持原处理意见，并作解释。", PetitionAction.REVIEW_DECIDE);
		return file;
	}

	/**
	 * Recheck requested Monday Jun 15 at the city government: RECHECK_DECIDE Jul 15.
	 */
	private CaseFile rechecking() {
		CaseFile file = reviewed();
		this.decisions.requestHigherLevel(by(file, OFFICE_OPERATOR, "2026-06-15T10:00"), this.petition, "对复查意见不服",
				CITY_GOVERNMENT, PetitionAction.REQUEST_RECHECK);
		return file;
	}

	private CaseFile finalised() {
		CaseFile file = rechecking();
		this.decisions.decide(by(file, CITY_HANDLER, "2026-07-10T10:00"), this.petition, DecisionOutcome.NOT_SUPPORT,
				"复核认为原意见正确，不予支持。", PetitionAction.RECHECK_DECIDE);
		return file;
	}

}
