package org.yixian.demand;

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
import org.yixian.casework.CaseFile;
import org.yixian.casework.CaseFile.NewEvent;
import org.yixian.casework.CaseFile.Notice;
import org.yixian.casework.CaseStatus;
import org.yixian.casework.CommonCommands.ReviewDecision;
import org.yixian.casework.CommonTransitions;
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
import org.yixian.organisation.Actors;
import org.yixian.organisation.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.yixian.casework.CaseStatus.ARCHIVED;
import static org.yixian.casework.CaseStatus.CLOSED;
import static org.yixian.casework.CaseStatus.DISPATCHED;
import static org.yixian.casework.CaseStatus.HANDLING;
import static org.yixian.casework.CaseStatus.MERGED;
import static org.yixian.casework.CaseStatus.REGISTERED;
import static org.yixian.casework.CaseStatus.REPLIED;
import static org.yixian.casework.CaseStatus.RETURNED;
import static org.yixian.casework.CaseStatus.VISITING;
import static org.yixian.demand.DemandFixture.CITY_MANAGEMENT;
import static org.yixian.demand.DemandFixture.COMMUNITY;
import static org.yixian.demand.DemandFixture.COMMUNITY_HANDLER;
import static org.yixian.demand.DemandFixture.DISPATCHER;
import static org.yixian.demand.DemandFixture.HOTLINE_ID;
import static org.yixian.demand.DemandFixture.HOUSING;
import static org.yixian.demand.DemandFixture.HOUSING_HANDLER;
import static org.yixian.demand.DemandFixture.LIMITS;
import static org.yixian.demand.DemandFixture.OPERATOR;
import static org.yixian.demand.DemandFixture.STREET;
import static org.yixian.demand.DemandFixture.STREET_HANDLER;
import static org.yixian.demand.DemandFixture.SUPERVISOR;
import static org.yixian.demand.DemandFixture.WATER;
import static org.yixian.demand.DemandFixture.WATER_HANDLER;
import static org.yixian.demand.DemandFixture.actions;
import static org.yixian.demand.DemandFixture.at;
import static org.yixian.demand.DemandFixture.by;
import static org.yixian.demand.DemandFixture.demand;
import static org.yixian.demand.DemandFixture.dueAt;
import static org.yixian.demand.DemandFixture.lastEvent;
import static org.yixian.demand.DemandFixture.metAt;
import static org.yixian.demand.DemandFixture.task;

/**
 * Every transition of the 12345 demand track on an in-memory case, without Spring or a
 * database: outcomes, statuses, deadlines counted against the 2026 calendar
 * (Asia/Shanghai), timeline entries with their payloads, notifications and messages to
 * the citizen; and who may start which action from which state.
 */
class DemandWorkflowTests {

	private final DemandWorkflow workflow = new DemandWorkflow(DemandFixture.calendar());

	@Test
	void a_dispatch_starts_the_sign_and_reply_clocks_from_the_dispatch_time() {
		CaseFile file = demand(DemandType.COMPLAINT);

		Outcome outcome = this.workflow.dispatch(by(file, DISPATCHER, "2026-02-12T10:00"), STREET, List.of(WATER),
				List.of(CITY_MANAGEMENT), LIMITS, "请尽快核实");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(DISPATCHED);
		assertThat(file.assigned()).isEqualTo(STREET);
		assertThat(file.dispatchedAt()).isEqualTo(at("2026-02-12T10:00"));
		assertThat(file.dispatchedByUnitId()).isEqualTo(HOTLINE_ID);
		// 24 hours to sign; 5 working days to reply: Feb 13, Feb 14 (make-up), then the
		// Spring Festival (Feb 15–23), Feb 24, 25, 26
		assertThat(dueAt(file, DeadlineKind.SIGN)).isEqualTo("2026-02-13T10:00+08:00");
		assertThat(dueAt(file, DeadlineKind.REPLY)).isEqualTo("2026-02-26T23:59:59+08:00");
		assertThat(metAt(file, DeadlineKind.SIGN)).isNull();
		assertThat(metAt(file, DeadlineKind.REPLY)).isNull();
		assertThat(task(file, STREET, UnitRole.LEAD).isOpen()).isTrue();
		assertThat(task(file, WATER, UnitRole.ASSIST).isOpen()).isTrue();
		assertThat(task(file, CITY_MANAGEMENT, UnitRole.COPY).isOpen()).isTrue();
		assertThat(file.notices()).containsExactly(new Notice(5, "ASSIST", "case.notice.assist"),
				new Notice(6, "COPY", "case.notice.copy"), new Notice(3, "DISPATCHED", "case.notice.dispatched"));
		assertThat(file.newEvents()).containsExactly(new NewEvent(at("2026-02-12T10:00"), "dispatcher", "QS-12345",
				"dispatch", REGISTERED, DISPATCHED, "和平街道", true,
				Map.of("unitCode", "QS-HP", "assistUnitCodes", List.of("QS-SW"), "copyUnitCodes", List.of("QS-CG"),
						"note", "请尽快核实", "signDueAt", "2026-02-13T10:00+08:00", "replyDueAt",
						"2026-02-26T23:59:59+08:00")));
		assertThat(file.citizenMessages()).isEmpty();
	}

	@Test
	void signing_meets_the_sign_deadline_and_starts_handling() {
		CaseFile file = dispatched(STREET, List.of());

		Outcome outcome = this.workflow.sign(by(file, STREET_HANDLER, "2026-02-12T15:30"));

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(HANDLING);
		assertThat(file.signedAt()).isEqualTo(at("2026-02-12T15:30"));
		assertThat(metAt(file, DeadlineKind.SIGN)).isEqualTo(at("2026-02-12T15:30"));
		assertThat(dueAt(file, DeadlineKind.SIGN)).isEqualTo("2026-02-13T10:00+08:00");
		assertThat(metAt(file, DeadlineKind.REPLY)).isNull();
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-02-12T15:30"), "hp-handler", "QS-HP", "sign",
				DISPATCHED, HANDLING, null, true, null));
	}

	@Test
	void a_return_accepted_by_the_dispatcher_goes_to_the_new_unit_with_fresh_clocks() {
		CaseFile file = dispatched(STREET, List.of());

		Outcome returned = this.workflow.returnToDispatcher(by(file, STREET_HANDLER, "2026-02-12T16:00"), "不属于街道职责");

		assertThat(returned).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(RETURNED);
		assertThat(file.returnCount()).isEqualTo(1);
		assertThat(file.notices()).last().isEqualTo(new Notice(HOTLINE_ID, "RETURNED", "case.notice.returned"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-02-12T16:00"), "hp-handler", "QS-HP", "return",
				DISPATCHED, RETURNED, "不属于街道职责", false, Map.of("unitCode", "QS-HP", "reason", "不属于街道职责")));

		Outcome accepted = this.workflow.reviewReturn(by(file, DISPATCHER, "2026-02-13T09:00"), ReviewDecision.ACCEPT,
				HOUSING, LIMITS, "转住建局");

		assertThat(accepted).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(DISPATCHED);
		assertThat(file.assigned()).isEqualTo(HOUSING);
		assertThat(file.lead()).get().extracting(UnitTask::unitCode).isEqualTo("QS-ZJ");
		assertThat(task(file, STREET, UnitRole.LEAD).isOpen()).isFalse();
		assertThat(file.dispatchedAt()).isEqualTo(at("2026-02-13T09:00"));
		// afresh from the re-dispatch: Feb 14 (make-up), Feb 24, 25, 26, 27
		assertThat(dueAt(file, DeadlineKind.SIGN)).isEqualTo("2026-02-14T09:00+08:00");
		assertThat(dueAt(file, DeadlineKind.REPLY)).isEqualTo("2026-02-27T23:59:59+08:00");
		assertThat(metAt(file, DeadlineKind.SIGN)).isNull();
		assertThat(file.notices()).last().isEqualTo(new Notice(4, "DISPATCHED", "case.notice.dispatched"));
		assertThat(lastEvent(file))
			.isEqualTo(new NewEvent(at("2026-02-13T09:00"), "dispatcher", "QS-12345", "review-return", RETURNED,
					DISPATCHED, "区住建局：转住建局", false, Map.of("decision", "ACCEPT", "unitCode", "QS-ZJ", "comment", "转住建局",
							"signDueAt", "2026-02-14T09:00+08:00", "replyDueAt", "2026-02-27T23:59:59+08:00")));
	}

	@Test
	void a_return_needs_a_reason_and_an_accepted_one_needs_a_unit() {
		CaseFile file = dispatched(STREET, List.of());

		assertThat(this.workflow.returnToDispatcher(by(file, STREET_HANDLER, "2026-02-12T16:00"), " "))
			.isEqualTo(Outcome.invalid("reason", "NotBlank"));
		this.workflow.returnToDispatcher(by(file, STREET_HANDLER, "2026-02-12T16:00"), "不属于街道职责");
		assertThat(this.workflow.reviewReturn(by(file, DISPATCHER, "2026-02-13T09:00"), null, HOUSING, LIMITS, null))
			.isEqualTo(Outcome.invalid("decision", "NotNull"));
		assertThat(this.workflow.reviewReturn(by(file, DISPATCHER, "2026-02-13T09:00"), ReviewDecision.ACCEPT, null,
				LIMITS, null))
			.isEqualTo(Outcome.invalid("unitCode", "NotBlank"));
		assertThat(file.status()).isEqualTo(RETURNED);
		assertThat(file.assigned()).isEqualTo(STREET);
	}

	@Test
	void a_unit_whose_return_was_rejected_may_not_return_again() {
		CaseFile file = handling(STREET, List.of());
		this.workflow.returnToDispatcher(by(file, STREET_HANDLER, "2026-02-12T16:00"), "不属于街道职责");

		Outcome rejected = this.workflow.reviewReturn(by(file, DISPATCHER, "2026-02-13T09:00"), ReviewDecision.REJECT,
				null, LIMITS, "属于街道职责");

		assertThat(rejected).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(HANDLING);
		assertThat(file.assigned()).isEqualTo(STREET);
		assertThat(task(file, STREET, UnitRole.LEAD).mayReturn()).isFalse();
		assertThat(dueAt(file, DeadlineKind.REPLY)).isEqualTo("2026-02-26T23:59:59+08:00");
		assertThat(file.notices()).last().isEqualTo(new Notice(3, "RETURN_REJECTED", "case.notice.returnRejected"));
		assertThat(lastEvent(file))
			.isEqualTo(new NewEvent(at("2026-02-13T09:00"), "dispatcher", "QS-12345", "review-return", RETURNED,
					HANDLING, "属于街道职责", false, Map.of("decision", "REJECT", "unitCode", "QS-HP", "comment", "属于街道职责")));

		Outcome again = this.workflow.returnToDispatcher(by(file, STREET_HANDLER, "2026-02-13T10:00"), "仍不属于街道职责");

		assertThat(again).isEqualTo(Outcome.illegal("case.mayNotReturnAgain"));
		assertThat(file.status()).isEqualTo(HANDLING);
		assertThat(file.returnCount()).isEqualTo(1);
		assertThat(actions(file)).containsExactly("dispatch", "sign", "return", "review-return");
	}

	@Test
	void a_return_rejected_before_signing_goes_back_to_be_signed() {
		CaseFile file = dispatched(STREET, List.of());
		this.workflow.returnToDispatcher(by(file, STREET_HANDLER, "2026-02-12T16:00"), "不属于街道职责");

		this.workflow.reviewReturn(by(file, DISPATCHER, "2026-02-13T09:00"), ReviewDecision.REJECT, null, LIMITS, null);

		assertThat(file.status()).isEqualTo(DISPATCHED);
		assertThat(dueAt(file, DeadlineKind.SIGN)).isEqualTo("2026-02-13T10:00+08:00");
		assertThat(lastEvent(file).payload()).isEqualTo(Map.of("decision", "REJECT", "unitCode", "QS-HP"));
	}

	@Test
	void contacting_the_citizen_records_the_first_contact_time() {
		CaseFile file = handling(STREET, List.of());

		assertThat(this.workflow.contact(by(file, STREET_HANDLER, "2026-02-13T09:00"), ""))
			.isEqualTo(Outcome.invalid("note", "NotBlank"));
		assertThat(this.workflow.contact(by(file, STREET_HANDLER, "2026-02-13T09:00"), "电话联系市民，约定上门"))
			.isEqualTo(Outcome.DONE);
		assertThat(this.workflow.contact(by(file, STREET_HANDLER, "2026-02-14T09:00"), "上门查看")).isEqualTo(Outcome.DONE);

		assertThat(file.status()).isEqualTo(HANDLING);
		assertThat(file.contactedAt()).isEqualTo(at("2026-02-13T09:00"));
		assertThat(file.newEvents()).filteredOn((e) -> e.action().equals("contact"))
			.extracting(NewEvent::comment, NewEvent::visibleToCitizen, NewEvent::from, NewEvent::to)
			.containsExactly(tuple("电话联系市民，约定上门", false, HANDLING, HANDLING), tuple("上门查看", false, HANDLING, HANDLING));
	}

	@Test
	void an_approved_extension_moves_the_reply_deadline_from_its_old_due_time() {
		CaseFile file = handling(STREET, List.of());

		Outcome requested = this.workflow.requestExtension(by(file, STREET_HANDLER, "2026-02-24T10:00"),
				TimeLimit.workingDays(3), "需现场勘查");

		assertThat(requested).isEqualTo(Outcome.DONE);
		assertThat(file.pendingExtension()).isEqualTo(TimeLimit.workingDays(3));
		assertThat(file.extensionReason()).isEqualTo("需现场勘查");
		assertThat(file.notices()).last()
			.isEqualTo(new Notice(HOTLINE_ID, "EXTENSION_REQUESTED", "case.notice.extensionRequested"));
		assertThat(lastEvent(file))
			.isEqualTo(new NewEvent(at("2026-02-24T10:00"), "hp-handler", "QS-HP", "request-extension", HANDLING,
					HANDLING, "需现场勘查", false, Map.of("amount", 3, "unit", "WORKING_DAYS", "reason", "需现场勘查")));

		Outcome approved = this.workflow.decideExtension(by(file, DISPATCHER, "2026-02-24T14:00"), true, "同意");

		assertThat(approved).isEqualTo(Outcome.DONE);
		// 3 working days after Feb 26: Feb 27, Feb 28 (make-up), Mar 2
		assertThat(dueAt(file, DeadlineKind.REPLY)).isEqualTo("2026-03-02T23:59:59+08:00");
		assertThat(metAt(file, DeadlineKind.REPLY)).isNull();
		assertThat(file.pendingExtension()).isNull();
		assertThat(file.extensionReason()).isNull();
		assertThat(file.citizenMessages()).containsExactly("case.message.extended");
		assertThat(file.notices()).last()
			.isEqualTo(new Notice(3, "EXTENSION_APPROVED", "case.notice.extensionApproved"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-02-24T14:00"), "dispatcher", "QS-12345",
				"decide-extension", HANDLING, HANDLING, "同意", true, Map.of("approve", true, "amount", 3, "unit",
						"WORKING_DAYS", "dueAt", "2026-03-02T23:59:59+08:00", "comment", "同意")));
	}

	@Test
	void a_refused_extension_leaves_the_reply_deadline_where_it_was() {
		CaseFile file = handling(STREET, List.of());
		this.workflow.requestExtension(by(file, STREET_HANDLER, "2026-02-24T10:00"), TimeLimit.workingDays(3), "需现场勘查");

		Outcome refused = this.workflow.decideExtension(by(file, DISPATCHER, "2026-02-24T14:00"), false, "时限充足");

		assertThat(refused).isEqualTo(Outcome.DONE);
		assertThat(dueAt(file, DeadlineKind.REPLY)).isEqualTo("2026-02-26T23:59:59+08:00");
		assertThat(file.pendingExtension()).isNull();
		assertThat(file.citizenMessages()).isEmpty();
		assertThat(file.notices()).last().isEqualTo(new Notice(3, "EXTENSION_REFUSED", "case.notice.extensionRefused"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-02-24T14:00"), "dispatcher", "QS-12345",
				"decide-extension", HANDLING, HANDLING, "时限充足", false, Map.of("approve", false, "comment", "时限充足")));
	}

	@Test
	void a_second_extension_request_while_one_is_pending_is_refused() {
		CaseFile file = handling(STREET, List.of());
		this.workflow.requestExtension(by(file, STREET_HANDLER, "2026-02-24T10:00"), TimeLimit.workingDays(3), "需现场勘查");

		Outcome second = this.workflow.requestExtension(by(file, STREET_HANDLER, "2026-02-24T11:00"),
				TimeLimit.workingDays(5), "还需协调");

		assertThat(second).isEqualTo(Outcome.illegal("case.extensionPending"));
		assertThat(file.pendingExtension()).isEqualTo(TimeLimit.workingDays(3));
		assertThat(file.extensionReason()).isEqualTo("需现场勘查");
		assertThat(actions(file)).containsExactly("dispatch", "sign", "request-extension");
	}

	@Test
	void an_extension_request_needs_an_amount_a_unit_and_a_reason_and_a_decision_needs_a_request() {
		CaseFile file = handling(STREET, List.of());
		ActionContext context = by(file, STREET_HANDLER, "2026-02-24T10:00");

		assertThat(this.workflow.decideExtension(by(file, DISPATCHER, "2026-02-24T10:00"), true, null))
			.isEqualTo(Outcome.illegal("case.noPendingExtension"));
		assertThat(this.workflow.requestExtension(context, new TimeLimit(null, PeriodUnit.WORKING_DAYS), "x"))
			.isEqualTo(Outcome.invalid("amount", "NotNull"));
		assertThat(this.workflow.requestExtension(context, new TimeLimit(3, null), "x"))
			.isEqualTo(Outcome.invalid("unit", "NotNull"));
		assertThat(this.workflow.requestExtension(context, TimeLimit.workingDays(3), " "))
			.isEqualTo(Outcome.invalid("reason", "NotBlank"));
		this.workflow.requestExtension(context, TimeLimit.workingDays(3), "需现场勘查");
		assertThat(this.workflow.decideExtension(by(file, DISPATCHER, "2026-02-24T14:00"), null, null))
			.isEqualTo(Outcome.invalid("approve", "NotNull"));
		assertThat(file.pendingExtension()).isEqualTo(TimeLimit.workingDays(3));
	}

	@Test
	void the_reply_closes_the_assisting_units_tasks() {
		CaseFile file = handling(STREET, List.of(WATER));

		Outcome outcome = this.workflow.reply(by(file, STREET_HANDLER, "2026-02-25T10:00"), ReplyResult.RESOLVED,
				"已修复漏水管道");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(REPLIED);
		assertThat(file.replyResult()).isEqualTo("RESOLVED");
		assertThat(file.replyText()).isEqualTo("已修复漏水管道");
		assertThat(file.repliedAt()).isEqualTo(at("2026-02-25T10:00"));
		assertThat(file.replyApproved()).isFalse();
		assertThat(metAt(file, DeadlineKind.REPLY)).isEqualTo(at("2026-02-25T10:00"));
		assertThat(file.openAssists()).isEmpty();
		UnitTask assist = task(file, WATER, UnitRole.ASSIST);
		assertThat(assist.isOpen()).isFalse();
		assertThat(assist.isLive()).as("done, not withdrawn").isTrue();
		assertThat(task(file, STREET, UnitRole.LEAD).isOpen()).isTrue();
		assertThat(file.notices()).last().isEqualTo(new Notice(HOTLINE_ID, "REPLIED", "case.notice.replied"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-02-25T10:00"), "hp-handler", "QS-HP", "reply",
				HANDLING, REPLIED, "已修复漏水管道", false, Map.of("result", "RESOLVED", "unitCode", "QS-HP")));
	}

	@Test
	void a_reply_needs_a_result_and_a_text() {
		CaseFile file = handling(STREET, List.of());

		assertThat(this.workflow.reply(by(file, STREET_HANDLER, "2026-02-25T10:00"), null, "已修复"))
			.isEqualTo(Outcome.invalid("result", "NotNull"));
		assertThat(this.workflow.reply(by(file, STREET_HANDLER, "2026-02-25T10:00"), ReplyResult.RESOLVED, " "))
			.isEqualTo(Outcome.invalid("text", "NotBlank"));
		assertThat(file.status()).isEqualTo(HANDLING);
		assertThat(metAt(file, DeadlineKind.REPLY)).isNull();
	}

	@Test
	void an_approved_reply_awaits_the_return_visit_with_the_comment_in_the_payload() {
		CaseFile file = replied();

		Outcome outcome = this.workflow.reviewReply(by(file, DISPATCHER, "2026-02-25T14:00"), true, "答复规范");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(VISITING);
		assertThat(file.replyApproved()).isTrue();
		assertThat(file.visitedAt()).isNull();
		assertThat(file.citizenMessages()).containsExactly("case.message.replied");
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-02-25T14:00"), "dispatcher", "QS-12345",
				"review-reply", REPLIED, VISITING, "已修复漏水管道", true, Map.of("approve", true, "comment", "答复规范")));
	}

	@Test
	void sending_a_reply_back_needs_a_comment() {
		CaseFile file = replied();

		Outcome withoutComment = this.workflow.reviewReply(by(file, DISPATCHER, "2026-02-25T14:00"), false, " ");

		assertThat(withoutComment).isEqualTo(Outcome.invalid("comment", "NotBlank"));
		assertThat(file.status()).isEqualTo(REPLIED);

		Outcome sentBack = this.workflow.reviewReply(by(file, DISPATCHER, "2026-02-25T14:00"), false, "未说明整改时限");

		assertThat(sentBack).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(HANDLING);
		assertThat(file.replyApproved()).isFalse();
		assertThat(file.citizenMessages()).isEmpty();
		assertThat(file.notices()).last().isEqualTo(new Notice(3, "REPLY_SENT_BACK", "case.notice.replySentBack"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-02-25T14:00"), "dispatcher", "QS-12345",
				"review-reply", REPLIED, HANDLING, "未说明整改时限", false, Map.of("approve", false, "comment", "未说明整改时限")));
		assertThat(this.workflow.reviewReply(by(file, DISPATCHER, "2026-02-25T14:00"), null, null))
			.isEqualTo(Outcome.invalid("approve", "NotNull"));
	}

	@Test
	void a_resolved_and_satisfied_return_visit_closes_the_case() {
		CaseFile file = visiting(List.of(CITY_MANAGEMENT));

		Outcome outcome = this.workflow.recordReturnVisit(by(file, OPERATOR, "2026-02-26T10:00"), Resolution.RESOLVED,
				Satisfaction.SATISFIED, "市民表示满意");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(CLOSED);
		assertThat(file.visitedAt()).isEqualTo(at("2026-02-26T10:00"));
		assertThat(file.closedAt()).isEqualTo(at("2026-02-26T10:00"));
		assertThat(file.units()).noneMatch(UnitTask::isOpen).allMatch(UnitTask::isLive);
		assertThat(file.citizenMessages()).containsExactly("case.message.replied", "case.message.closed");
		List<NewEvent> events = file.newEvents();
		assertThat(events.subList(events.size() - 2, events.size())).containsExactly(
				new NewEvent(at("2026-02-26T10:00"), "operator", "QS-12345", "return-visit", VISITING, VISITING,
						"市民表示满意", false,
						Map.of("resolved", "RESOLVED", "satisfaction", "SATISFIED", "unitCode", "QS-HP")),
				new NewEvent(at("2026-02-26T10:00"), "operator", "QS-12345", "close", VISITING, CLOSED, null, true,
						null));
	}

	@Test
	void an_unsatisfied_citizen_leaves_the_case_visiting_and_a_second_visit_is_refused() {
		CaseFile file = visiting(List.of());

		Outcome first = this.workflow.recordReturnVisit(by(file, OPERATOR, "2026-02-26T10:00"), Resolution.PARTLY,
				Satisfaction.UNSATISFIED, "漏水仍未根治");

		assertThat(first).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(VISITING);
		assertThat(file.visitedAt()).isEqualTo(at("2026-02-26T10:00"));
		assertThat(file.closedAt()).isNull();
		assertThat(lastEvent(file).payload())
			.isEqualTo(Map.of("resolved", "PARTLY", "satisfaction", "UNSATISFIED", "unitCode", "QS-HP"));

		Outcome second = this.workflow.recordReturnVisit(by(file, OPERATOR, "2026-02-26T11:00"), Resolution.RESOLVED,
				Satisfaction.SATISFIED, null);

		assertThat(second).isEqualTo(Outcome.illegal("case.alreadyVisited"));
		assertThat(file.status()).isEqualTo(VISITING);
		assertThat(actions(file)).containsOnlyOnce("return-visit");
	}

	@Test
	void a_return_visit_needs_both_answers() {
		CaseFile file = visiting(List.of());

		assertThat(this.workflow.recordReturnVisit(by(file, OPERATOR, "2026-02-26T10:00"), null, Satisfaction.SATISFIED,
				null))
			.isEqualTo(Outcome.invalid("resolved", "NotNull"));
		assertThat(this.workflow.recordReturnVisit(by(file, OPERATOR, "2026-02-26T10:00"), Resolution.RESOLVED, null,
				null))
			.isEqualTo(Outcome.invalid("satisfaction", "NotNull"));
		assertThat(file.visitedAt()).isNull();
		assertThat(file.status()).isEqualTo(VISITING);
	}

	@Test
	void a_reopened_case_starts_the_reply_clock_afresh_and_keeps_both_visits() {
		CaseFile file = visiting(List.of());
		this.workflow.recordReturnVisit(by(file, OPERATOR, "2026-03-06T10:00"), Resolution.UNRESOLVED,
				Satisfaction.UNSATISFIED, "漏水仍未根治");

		Outcome reopened = this.workflow.reopen(by(file, DISPATCHER, "2026-03-09T10:00"), "市民不满意，重新办理", LIMITS);

		assertThat(reopened).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(HANDLING);
		assertThat(file.reopenCount()).isEqualTo(1);
		assertThat(file.visitedAt()).isNull();
		assertThat(file.replyApproved()).isFalse();
		assertThat(task(file, STREET, UnitRole.LEAD).isOpen()).isTrue();
		// 5 working days from Monday Mar 9: Mar 10, 11, 12, 13, 16
		assertThat(dueAt(file, DeadlineKind.REPLY)).isEqualTo("2026-03-16T23:59:59+08:00");
		assertThat(metAt(file, DeadlineKind.REPLY)).isNull();
		assertThat(file.notices()).last().isEqualTo(new Notice(3, "REOPENED", "case.notice.reopened"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-03-09T10:00"), "dispatcher", "QS-12345", "reopen",
				VISITING, HANDLING, "市民不满意，重新办理", true,
				Map.of("reason", "市民不满意，重新办理", "unitCode", "QS-HP", "replyDueAt", "2026-03-16T23:59:59+08:00")));

		this.workflow.reply(by(file, STREET_HANDLER, "2026-03-12T10:00"), ReplyResult.RESOLVED, "已更换管道");
		this.workflow.reviewReply(by(file, DISPATCHER, "2026-03-12T14:00"), true, null);
		Outcome secondVisit = this.workflow.recordReturnVisit(by(file, OPERATOR, "2026-03-13T10:00"),
				Resolution.RESOLVED, Satisfaction.SATISFIED, "满意");

		assertThat(secondVisit).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(CLOSED);
		assertThat(metAt(file, DeadlineKind.REPLY)).isEqualTo(at("2026-03-12T10:00"));
		assertThat(file.newEvents()).filteredOn((e) -> e.action().equals("return-visit"))
			.extracting(NewEvent::at, (e) -> e.payload().get("satisfaction"))
			.containsExactly(tuple(at("2026-03-06T10:00"), "UNSATISFIED"), tuple(at("2026-03-13T10:00"), "SATISFIED"));
	}

	@Test
	void a_case_waiting_for_its_visit_may_not_be_reopened_or_closed_before_the_visit() {
		CaseFile file = visiting(List.of());

		assertThat(this.workflow.reopen(by(file, DISPATCHER, "2026-02-26T10:00"), "市民来电", LIMITS))
			.isEqualTo(Outcome.illegal("case.visitFirst"));
		assertThat(this.workflow.reopen(by(file, DISPATCHER, "2026-02-26T10:00"), " ", LIMITS))
			.isEqualTo(Outcome.invalid("reason", "NotBlank"));
		assertThat(this.workflow.close(by(file, DISPATCHER, "2026-02-26T10:00"), "结案"))
			.isEqualTo(Outcome.illegal("case.visitFirst"));
		assertThat(file.status()).isEqualTo(VISITING);
	}

	@Test
	void the_dispatcher_closes_a_case_after_an_unsatisfied_visit() {
		CaseFile file = visiting(List.of());
		this.workflow.recordReturnVisit(by(file, OPERATOR, "2026-02-26T10:00"), Resolution.UNRESOLVED,
				Satisfaction.UNSATISFIED, "诉求不合理");

		Outcome outcome = this.workflow.close(by(file, DISPATCHER, "2026-02-26T16:00"), "诉求超出政策范围，已解释");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(CLOSED);
		assertThat(file.closedAt()).isEqualTo(at("2026-02-26T16:00"));
		assertThat(file.units()).noneMatch(UnitTask::isOpen);
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-02-26T16:00"), "dispatcher", "QS-12345", "close",
				VISITING, CLOSED, "诉求超出政策范围，已解释", true, null));
		assertThat(file.citizenMessages()).containsExactly("case.message.replied", "case.message.closed");
	}

	@Test
	void a_consultation_closed_at_once_has_no_unit_to_reopen_with() {
		CaseFile file = demand(DemandType.CONSULT);
		this.workflow.close(by(file, OPERATOR, "2026-02-12T09:45"), "已告知办理流程");

		Outcome outcome = this.workflow.reopen(by(file, DISPATCHER, "2026-02-13T09:00"), "市民再次来电", LIMITS);

		assertThat(outcome).isEqualTo(Outcome.illegal("case.noLeadUnit"));
		assertThat(file.status()).isEqualTo(CLOSED);
		assertThat(file.reopenCount()).isZero();
	}

	@Test
	void a_closed_case_reopens_with_its_lead_unit() {
		CaseFile file = visiting(List.of());
		this.workflow.recordReturnVisit(by(file, OPERATOR, "2026-02-26T10:00"), Resolution.RESOLVED,
				Satisfaction.BASICALLY, null);
		assertThat(task(file, STREET, UnitRole.LEAD).isOpen()).isFalse();

		Outcome reopened = this.workflow.reopen(by(file, DISPATCHER, "2026-03-09T10:00"), "问题复发", LIMITS);

		assertThat(reopened).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(HANDLING);
		assertThat(file.closedAt()).isNull();
		assertThat(task(file, STREET, UnitRole.LEAD).isOpen()).isTrue();
		assertThat(dueAt(file, DeadlineKind.REPLY)).isEqualTo("2026-03-16T23:59:59+08:00");
		assertThat(lastEvent(file).from()).isEqualTo(CLOSED);
	}

	@Test
	void a_consultation_answered_at_once_closes_from_registration() {
		CaseFile file = demand(DemandType.CONSULT);

		assertThat(this.workflow.close(by(file, OPERATOR, "2026-02-12T09:45"), " "))
			.isEqualTo(Outcome.invalid("note", "NotBlank"));

		Outcome outcome = this.workflow.close(by(file, OPERATOR, "2026-02-12T09:45"), " 已告知办理流程 ");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(CLOSED);
		assertThat(file.closedAt()).isEqualTo(at("2026-02-12T09:45"));
		assertThat(file.replyResult()).isEqualTo("EXPLAINED");
		assertThat(file.replyText()).isEqualTo("已告知办理流程");
		assertThat(file.replyApproved()).isTrue();
		assertThat(file.citizenMessages()).containsExactly("case.message.closed");
		assertThat(file.newEvents()).containsExactly(new NewEvent(at("2026-02-12T09:45"), "operator", "QS-12345",
				"close", REGISTERED, CLOSED, " 已告知办理流程 ", true, null));
	}

	@Test
	void a_complaint_may_not_be_closed_at_once() {
		CaseFile file = demand(DemandType.COMPLAINT);

		Outcome outcome = this.workflow.close(by(file, OPERATOR, "2026-02-12T09:45"), "已告知");

		assertThat(outcome).isEqualTo(Outcome.illegal("case.onlyConsultationsCloseAtOnce"));
		assertThat(file.status()).isEqualTo(REGISTERED);
		assertThat(file.newEvents()).isEmpty();
		assertThat(file.citizenMessages()).isEmpty();
	}

	@Test
	void escalation_goes_only_upwards_and_starts_the_clocks_afresh() {
		CaseFile file = dispatched(COMMUNITY, List.of());
		ActionContext context = by(file, SUPERVISOR, "2026-02-13T11:00");

		assertThat(this.workflow.escalate(context, HOUSING, "社区无力解决", LIMITS))
			.isEqualTo(Outcome.invalid("unitCode", "case.escalateUpwards"));
		assertThat(this.workflow.escalate(context, COMMUNITY, "社区无力解决", LIMITS))
			.isEqualTo(Outcome.invalid("unitCode", "case.escalateUpwards"));
		assertThat(this.workflow.escalate(context, null, "社区无力解决", LIMITS))
			.isEqualTo(Outcome.invalid("unitCode", "NotBlank"));
		assertThat(this.workflow.escalate(context, STREET, " ", LIMITS))
			.isEqualTo(Outcome.invalid("reason", "NotBlank"));
		assertThat(file.assigned()).isEqualTo(COMMUNITY);

		Outcome outcome = this.workflow.escalate(context, STREET, "社区无力解决", LIMITS);

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(DISPATCHED);
		assertThat(file.assigned()).isEqualTo(STREET);
		assertThat(task(file, STREET, UnitRole.LEAD).isOpen()).isTrue();
		UnitTask community = task(file, COMMUNITY, UnitRole.LEAD);
		assertThat(community.isOpen()).isFalse();
		assertThat(community.isLive()).as("withdrawn before doing anything").isFalse();
		// afresh from Feb 13: Feb 14 (make-up), Feb 24, 25, 26, 27
		assertThat(dueAt(file, DeadlineKind.SIGN)).isEqualTo("2026-02-14T11:00+08:00");
		assertThat(dueAt(file, DeadlineKind.REPLY)).isEqualTo("2026-02-27T23:59:59+08:00");
		assertThat(file.notices()).last().isEqualTo(new Notice(3, "DISPATCHED", "case.notice.dispatched"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-02-13T11:00"), "supervisor", "QS", "escalate",
				DISPATCHED, DISPATCHED, "和平街道：社区无力解决", true, Map.of("unitCode", "QS-HP", "reason", "社区无力解决",
						"signDueAt", "2026-02-14T11:00+08:00", "replyDueAt", "2026-02-27T23:59:59+08:00")));
	}

	@Test
	void an_assisting_unit_reports_its_part_to_the_lead() {
		CaseFile file = handling(STREET, List.of(WATER));
		assertThat(DemandPermissions.mayAttempt(WATER_HANDLER, file, DemandAction.REPORT)).isTrue();
		assertThat(DemandPermissions.mayAttempt(STREET_HANDLER, file, DemandAction.REPORT)).isFalse();

		assertThat(this.workflow.report(by(file, WATER_HANDLER, "2026-02-13T15:00"), " "))
			.isEqualTo(Outcome.invalid("note", "NotBlank"));
		Outcome outcome = this.workflow.report(by(file, WATER_HANDLER, "2026-02-13T15:00"), "管网已排查");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(HANDLING);
		UnitTask assist = task(file, WATER, UnitRole.ASSIST);
		assertThat(assist.isOpen()).isFalse();
		assertThat(assist.isLive()).isTrue();
		assertThat(file.notices()).last().isEqualTo(new Notice(3, "ASSIST_REPORTED", "case.notice.assistReported"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-02-13T15:00"), "sw-handler", "QS-SW", "report",
				HANDLING, HANDLING, "区水务局：管网已排查", false, Map.of("unitCode", "QS-SW")));
		assertThat(DemandPermissions.mayAttempt(WATER_HANDLER, file, DemandAction.REPORT)).isFalse();
	}

	@Test
	void supervising_tells_the_unit_the_case_is_with() {
		CaseFile file = handling(STREET, List.of());

		assertThat(CommonTransitions.supervise(by(file, SUPERVISOR, "2026-02-24T09:00"), null))
			.isEqualTo(Outcome.invalid("note", "NotBlank"));
		Outcome outcome = CommonTransitions.supervise(by(file, SUPERVISOR, "2026-02-24T09:00"), "请加快办理");

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(HANDLING);
		assertThat(file.notices()).last().isEqualTo(new Notice(3, "SUPERVISED", "case.notice.supervised"));
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-02-24T09:00"), "supervisor", "QS", "supervise",
				HANDLING, HANDLING, "请加快办理", false, null));
	}

	/**
	 * {@link ActionContext#of} answers no other case, so the merge itself cannot be
	 * reached without the core: only its refusals are checked here.
	 */
	@Test
	void a_merge_needs_a_case_to_merge_into() {
		CaseFile file = demand(DemandType.COMPLAINT);

		assertThat(CommonTransitions.merge(by(file, DISPATCHER, "2026-02-12T10:00"), null))
			.isEqualTo(Outcome.invalid("intoCaseId", "NotNull"));
		assertThat(CommonTransitions.merge(by(file, DISPATCHER, "2026-02-12T10:00"), 1000L))
			.isEqualTo(Outcome.invalid("intoCaseId", "case.unknown"));
		assertThat(file.status()).isEqualTo(REGISTERED);
		assertThat(file.parentCaseId()).isNull();
	}

	@Test
	void a_closed_case_is_archived() {
		CaseFile file = visiting(List.of());
		this.workflow.recordReturnVisit(by(file, OPERATOR, "2026-02-26T10:00"), Resolution.RESOLVED,
				Satisfaction.SATISFIED, null);

		Outcome outcome = CommonTransitions.archive(by(file, DISPATCHER, "2026-03-31T17:00"));

		assertThat(outcome).isEqualTo(Outcome.DONE);
		assertThat(file.status()).isEqualTo(ARCHIVED);
		assertThat(lastEvent(file)).isEqualTo(new NewEvent(at("2026-03-31T17:00"), "dispatcher", "QS-12345", "archive",
				CLOSED, ARCHIVED, null, false, null));
	}

	@Test
	void every_action_starts_only_from_its_states() {
		Map<DemandAction, Set<CaseStatus>> expected = Map.ofEntries(
				Map.entry(DemandAction.DISPATCH, EnumSet.of(REGISTERED)),
				Map.entry(DemandAction.SIGN, EnumSet.of(DISPATCHED)),
				Map.entry(DemandAction.RETURN, EnumSet.of(DISPATCHED, HANDLING)),
				Map.entry(DemandAction.REVIEW_RETURN, EnumSet.of(RETURNED)),
				Map.entry(DemandAction.CONTACT, EnumSet.of(HANDLING)),
				Map.entry(DemandAction.REQUEST_EXTENSION, EnumSet.of(HANDLING)),
				Map.entry(DemandAction.DECIDE_EXTENSION, EnumSet.of(HANDLING)),
				Map.entry(DemandAction.REPLY, EnumSet.of(HANDLING)),
				Map.entry(DemandAction.REVIEW_REPLY, EnumSet.of(REPLIED)),
				Map.entry(DemandAction.RETURN_VISIT, EnumSet.of(VISITING)),
				Map.entry(DemandAction.REOPEN, EnumSet.of(VISITING, CLOSED)),
				Map.entry(DemandAction.CLOSE, EnumSet.of(REGISTERED, VISITING)),
				Map.entry(DemandAction.MERGE, EnumSet.of(REGISTERED, DISPATCHED, HANDLING, RETURNED)),
				Map.entry(DemandAction.SPLIT, EnumSet.of(REGISTERED, DISPATCHED, HANDLING, RETURNED)),
				Map.entry(DemandAction.SUPERVISE, EnumSet.of(DISPATCHED, HANDLING, RETURNED, REPLIED, VISITING)),
				Map.entry(DemandAction.ESCALATE, EnumSet.of(DISPATCHED, HANDLING, RETURNED)),
				Map.entry(DemandAction.REPORT, EnumSet.of(DISPATCHED, HANDLING)),
				Map.entry(DemandAction.ARCHIVE, EnumSet.of(CLOSED)));
		List<String> wrong = new ArrayList<>();
		for (DemandAction action : DemandAction.values()) {
			for (CaseStatus status : CaseStatus.values()) {
				if (action.startsFrom(status) != expected.get(action).contains(status)) {
					wrong.add(action.wireName() + " from " + status);
				}
			}
		}
		assertThat(expected).hasSize(DemandAction.values().length);
		assertThat(wrong).isEmpty();
	}

	@ParameterizedTest(name = "{0} from {1}: {2}")
	@CsvSource({ "DISPATCH, REGISTERED, true", "DISPATCH, RETURNED, false", "SIGN, HANDLING, false",
			"REPLY, REPLIED, false", "REVIEW_RETURN, RETURNED, true", "CLOSE, REGISTERED, true",
			"CLOSE, HANDLING, false", "REOPEN, CLOSED, true", "REOPEN, ARCHIVED, false", "MERGE, MERGED, false",
			"ARCHIVE, CLOSED, true", "ARCHIVE, VISITING, false", "RETURN_VISIT, VISITING, true",
			"ESCALATE, REPLIED, false", "SIGN, TRANSFERRED, false" })
	void an_action_starts_from_a_state_or_not(DemandAction action, CaseStatus status, boolean allowed) {
		assertThat(action.startsFrom(status)).isEqualTo(allowed);
	}

	@Test
	void who_may_attempt_an_action_follows_role_and_scope() {
		CaseFile file = handling(STREET, List.of(WATER));
		Actor elsewhere = Actors.of("xc-dispatcher", 19, "XC-12345", "/1/12/19/", "/1/12/", Role.DISPATCHER);

		assertThat(DemandPermissions.mayAttempt(DISPATCHER, file, DemandAction.REVIEW_REPLY)).isTrue();
		assertThat(DemandPermissions.mayAttempt(elsewhere, file, DemandAction.REVIEW_REPLY)).isFalse();
		assertThat(DemandPermissions.mayAttempt(STREET_HANDLER, file, DemandAction.REPLY)).isTrue();
		assertThat(DemandPermissions.mayAttempt(COMMUNITY_HANDLER, file, DemandAction.REPLY))
			.as("a unit below the lead is not the lead")
			.isFalse();
		assertThat(DemandPermissions.mayAttempt(HOUSING_HANDLER, file, DemandAction.SIGN)).isFalse();
		assertThat(DemandPermissions.mayAttempt(WATER_HANDLER, file, DemandAction.REPLY)).isFalse();
		assertThat(DemandPermissions.mayAttempt(DISPATCHER, file, DemandAction.REPLY)).isFalse();
		assertThat(DemandPermissions.mayAttempt(SUPERVISOR, file, DemandAction.ESCALATE)).isTrue();
		assertThat(DemandPermissions.mayAttempt(SUPERVISOR, file, DemandAction.SUPERVISE)).isTrue();
		assertThat(DemandPermissions.mayAttempt(STREET_HANDLER, file, DemandAction.SUPERVISE)).isFalse();
		assertThat(DemandPermissions.mayAttempt(OPERATOR, file, DemandAction.RETURN_VISIT)).isTrue();
		assertThat(DemandPermissions.mayAttempt(OPERATOR, file, DemandAction.CLOSE))
			.as("an operator closes only a case still registered")
			.isFalse();
		assertThat(DemandPermissions.mayAttempt(OPERATOR, demand(DemandType.CONSULT), DemandAction.CLOSE)).isTrue();
	}

	@Test
	void admission_asks_permission_before_state() {
		DemandTrack track = new DemandTrack(this.workflow, null, null, null);
		CaseFile file = handling(STREET, List.of());

		assertThat(track.admit(file, HOUSING_HANDLER, DemandAction.SIGN))
			.isEqualTo(Outcome.forbidden("case.forbidden"));
		assertThat(track.admit(file, STREET_HANDLER, DemandAction.SIGN))
			.isEqualTo(Outcome.illegal("case.illegalTransition"));
		assertThat(track.admit(file, STREET_HANDLER, DemandAction.REPLY)).isEqualTo(Outcome.DONE);
		assertThat(track.admit(file, null, DemandAction.SIGN)).isEqualTo(Outcome.illegal("case.illegalTransition"));
		assertThat(track.runningDeadline(file)).isEqualTo(DeadlineKind.REPLY);
		file.status(MERGED);
		assertThat(track.runningDeadline(file)).isNull();
	}

	private CaseFile dispatched(UnitRef unit, List<UnitRef> assists) {
		CaseFile file = demand(DemandType.COMPLAINT);
		this.workflow.dispatch(by(file, DISPATCHER, "2026-02-12T10:00"), unit, assists, List.of(), LIMITS, null);
		return file;
	}

	private CaseFile handling(UnitRef unit, List<UnitRef> assists) {
		CaseFile file = dispatched(unit, assists);
		this.workflow.sign(by(file, STREET_HANDLER, "2026-02-12T15:30"));
		return file;
	}

	private CaseFile replied() {
		CaseFile file = handling(STREET, List.of());
		this.workflow.reply(by(file, STREET_HANDLER, "2026-02-25T10:00"), ReplyResult.RESOLVED, "已修复漏水管道");
		return file;
	}

	private CaseFile visiting(List<UnitRef> copies) {
		CaseFile file = demand(DemandType.COMPLAINT);
		this.workflow.dispatch(by(file, DISPATCHER, "2026-02-12T10:00"), STREET, List.of(), copies, LIMITS, null);
		this.workflow.sign(by(file, STREET_HANDLER, "2026-02-12T15:30"));
		this.workflow.reply(by(file, STREET_HANDLER, "2026-02-25T10:00"), ReplyResult.RESOLVED, "已修复漏水管道");
		this.workflow.reviewReply(by(file, DISPATCHER, "2026-02-25T14:00"), true, null);
		return file;
	}

}
