package org.yixian.petition;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yixian.petition.PetitionApi.due;
import static org.yixian.petition.PetitionApi.met;

/**
 * Every clock of 《信访工作条例》 over the real API, recorded in the past with {@code at} against
 * the 2026 calendar (Spring Festival 15–23 February, make-up working days 14 and 28
 * February).
 */
@WebTest
@Import(FixedClock.class)
class PetitionClockApiTests {

	@LocalServerPort
	int port;

	PetitionApi api;

	@BeforeEach
	void offices() {
		this.api = new PetitionApi(this.port);
	}

	@Test
	void a_walk_in_petition_runs_every_clock_from_registration_to_final_and_a_resubmission_is_not_accepted()
			throws IOException {
		JsonNode created = this.api.register("旧改补偿款未兑现", "110101198001011232", "2026-01-05T09:00:00+08:00", null);
		long id = created.path("id").asLong();
		assertThat(created.path("number").asString()).startsWith("X");
		assertThat(created.path("status").asString()).isEqualTo("REGISTERED");
		assertThat(due(created, "REGISTER")).isEqualTo("2026-01-20T23:59:59+08:00");
		assertThat(created.path("repeatCount").asInt()).isZero();

		JsonNode transferred = this.api.act(this.api.office, id, "transfer",
				"\"unitCode\":\"DC-HP\",\"resultRequired\":true,\"at\":\"2026-01-06T10:00:00+08:00\"", 200);
		assertThat(transferred.path("status").asString()).isEqualTo("TRANSFERRED");
		assertThat(transferred.path("assignedUnitCode").asString()).isEqualTo("DC-HP");
		assertThat(met(transferred, "REGISTER")).isEqualTo("2026-01-06T10:00:00+08:00");
		assertThat(due(transferred, "OBJECT")).isEqualTo("2026-01-13T23:59:59+08:00");
		assertThat(due(transferred, "NOTIFY")).isEqualTo("2026-01-21T23:59:59+08:00");
		assertThat(transferred.path("currentDueAt").asString()).isEqualTo("2026-01-21T23:59:59+08:00");

		JsonNode accepted = this.api.act(this.api.street, id, "accept",
				"\"note\":\"已受理\",\"at\":\"2026-01-08T10:00:00+08:00\"", 200);
		assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(met(accepted, "NOTIFY")).isEqualTo("2026-01-08T10:00:00+08:00");
		assertThat(due(accepted, "DECIDE")).isEqualTo("2026-03-09T23:59:59+08:00");

		JsonNode decided = this.api.act(this.api.street, id, "decide",
				"\"outcome\":\"SUPPORT\",\"text\":\"经核查，补偿款已列入本年度资金计划，于2月底前发放到位。\","
						+ "\"at\":\"2026-01-20T10:00:00+08:00\"",
				200);
		assertThat(decided.path("status").asString()).isEqualTo("DECIDED");
		assertThat(due(decided, "REVIEW_REQUEST")).as("30 days end on 19 Feb, a holiday")
			.isEqualTo("2026-02-24T23:59:59+08:00");
		assertThat(decided.path("outcome").asString()).isEqualTo("SUPPORT");
		JsonNode documents = this.api.office.get("/api/v1/cases/" + id + "/documents").json();
		assertThat(documents.size()).isEqualTo(1);
		assertThat(documents.get(0).path("kind").asString()).isEqualTo("DECISION");
		String letter = text(
				this.api.office.bytes("/api/v1/cases/" + id + "/documents/" + documents.get(0).path("id")));
		assertThat(letter).contains("信访事项处理意见书", created.path("number").asString(), "和平街道", "支持", "补偿款已列入本年度资金计划");
		assertThat(letter).as("the stored copy names the petitioner masked").contains("王**").doesNotContain("王建华");

		JsonNode reviewing = this.api.act(this.api.office, id, "request-review",
				"\"reason\":\"补偿标准偏低\",\"at\":\"2026-02-10T10:00:00+08:00\"", 200);
		assertThat(reviewing.path("status").asString()).isEqualTo("REVIEWING");
		assertThat(reviewing.path("assignedUnitCode").asString()).as("the unit above the deciding one").isEqualTo("DC");
		assertThat(due(reviewing, "REVIEW_DECIDE")).isEqualTo("2026-03-12T23:59:59+08:00");
		this.api.act(this.api.street, id, "review-decide", "\"outcome\":\"SUPPORT\",\"text\":\"x\"", 403);

		JsonNode reviewed = this.api.act(this.api.district, id, "review-decide",
				"\"outcome\":\"EXPLAIN\",\"text\":\"维持原处理意见，补偿标准符合规定。\",\"at\":\"2026-02-26T10:00:00+08:00\"", 200);
		assertThat(reviewed.path("status").asString()).isEqualTo("REVIEWED");
		assertThat(due(reviewed, "RECHECK_REQUEST")).as("30 days end on Saturday 28 March")
			.isEqualTo("2026-03-30T23:59:59+08:00");

		JsonNode rechecking = this.api.act(this.api.office, id, "request-recheck",
				"\"reason\":\"仍不服\",\"at\":\"2026-03-02T10:00:00+08:00\"", 200);
		assertThat(rechecking.path("assignedUnitCode").asString()).isEqualTo("SFS");
		assertThat(due(rechecking, "RECHECK_DECIDE")).isEqualTo("2026-04-01T23:59:59+08:00");
		this.api.act(this.api.city, id, "start-hearing", "\"note\":\"召开听证会\",\"at\":\"2026-03-03T09:00:00+08:00\"",
				200);
		this.api.act(this.api.city, id, "recheck-decide", "\"outcome\":\"EXPLAIN\",\"text\":\"x\"", 409);
		JsonNode heard = this.api.act(this.api.city, id, "end-hearing",
				"\"note\":\"听证结束\",\"at\":\"2026-03-06T09:00:00+08:00\"", 200);
		assertThat(due(heard, "RECHECK_DECIDE")).as("three hearing days do not count")
			.isEqualTo("2026-04-04T23:59:59+08:00");

		JsonNode last = this.api.act(this.api.city, id, "recheck-decide",
				"\"outcome\":\"EXPLAIN\",\"text\":\"维持复查意见。\",\"at\":\"2026-03-09T10:00:00+08:00\"", 200);
		assertThat(last.path("status").asString()).isEqualTo("FINAL");
		assertThat(last.path("followUpOwed").asBoolean()).isTrue();
		assertThat(this.api.office.get("/api/v1/cases/" + id + "/documents").json().size()).isEqualTo(3);

		for (int attempt = 1; attempt <= 3; attempt++) {
			JsonNode again = this.api.register("旧改补偿款未兑现", "110101198001011232", null, null);
			assertThat(again.path("status").asString()).as("attempt " + attempt).isEqualTo("NOT_ACCEPTED");
			assertThat(again.path("notAcceptGround").asString()).isEqualTo("FINAL");
			assertThat(again.path("repeatOf").path("id").asLong()).isEqualTo(id);
		}
		assertThat(this.api.get(id).path("repeatCount").asInt()).isEqualTo(3);
		assertThat(this.api.office.get("/api/v1/petitions/backlog?size=500").body())
			.contains(last.path("number").asString());
	}

	@Test
	void the_sixty_days_that_end_in_spring_festival_move_to_the_next_working_day_and_one_extension_adds_at_most_thirty() {
		long id = this.api.register("征地补偿争议", "11010119750505432X", "2025-12-15T09:00:00+08:00", null)
			.path("id")
			.asLong();
		this.api.act(this.api.office, id, "transfer", "\"unitCode\":\"DC-HP\",\"at\":\"2025-12-16T10:00:00+08:00\"",
				200);
		JsonNode accepted = this.api.act(this.api.street, id, "accept", "\"at\":\"2025-12-20T10:00:00+08:00\"", 200);
		assertThat(due(accepted, "DECIDE")).as("18 February is in Spring Festival; 24 February is the next working day")
			.isEqualTo("2026-02-24T23:59:59+08:00");

		JsonNode tooLong = this.api.act(this.api.street, id, "request-extension",
				"\"amount\":31,\"unit\":\"CALENDAR_DAYS\",\"reason\":\"需评估\"", 422);
		assertThat(tooLong.toString()).contains("amount");
		this.api.act(this.api.street, id, "request-extension",
				"\"amount\":30,\"unit\":\"CALENDAR_DAYS\",\"reason\":\"需第三方评估\",\"at\":\"2026-02-10T10:00:00+08:00\"",
				200);
		this.api.act(this.api.street, id, "decide-extension", "\"approve\":true", 403);
		JsonNode extended = this.api.act(this.api.leader, id, "decide-extension",
				"\"approve\":true,\"at\":\"2026-02-11T10:00:00+08:00\"", 200);
		assertThat(due(extended, "DECIDE")).as("acceptance + 90 calendar days, not the moved 60th day + 30")
			.isEqualTo("2026-03-20T23:59:59+08:00");
		assertThat(extended.path("extensionUsed").asBoolean()).isTrue();
		this.api.act(this.api.street, id, "request-extension", "\"amount\":5,\"reason\":\"再延\"", 409);
	}

	@Test
	void an_objection_after_five_working_days_is_refused_and_a_rejected_one_cannot_be_repeated() {
		long late = this.api.register("物业维修基金", "44030619900909876X", "2026-02-26T09:00:00+08:00", null)
			.path("id")
			.asLong();
		JsonNode transferred = this.api.act(this.api.office, late, "transfer",
				"\"unitCode\":\"DC-HP\",\"at\":\"2026-02-27T10:00:00+08:00\"", 200);
		assertThat(due(transferred, "OBJECT")).as("Saturday 28 February is a make-up working day")
			.isEqualTo("2026-03-05T23:59:59+08:00");
		JsonNode refused = this.api.act(this.api.street, late, "object",
				"\"reason\":\"不属本街道职责\",\"at\":\"2026-03-06T09:00:00+08:00\"", 409);
		assertThat(refused.path("code").asString()).isEqualTo("ILLEGAL_TRANSITION");

		long early = this.api.register("学区划分", "110101198001011005", "2026-03-05T09:00:00+08:00", null)
			.path("id")
			.asLong();
		this.api.act(this.api.office, early, "transfer", "\"unitCode\":\"DC-HP\",\"at\":\"2026-03-06T10:00:00+08:00\"",
				200);
		JsonNode objected = this.api.act(this.api.street, early, "object",
				"\"reason\":\"学区由教育局划定\",\"at\":\"2026-03-09T15:00:00+08:00\"", 200);
		assertThat(objected.path("status").asString()).isEqualTo("OBJECTED");
		JsonNode insisted = this.api.act(this.api.office, early, "review-objection",
				"\"decision\":\"REJECT\",\"comment\":\"属地负责\"", 200);
		assertThat(insisted.path("status").asString()).isEqualTo("TRANSFERRED");
		this.api.act(this.api.street, early, "object", "\"reason\":\"再次异议\"", 409);
	}

	@Test
	void the_review_window_closes_after_thirty_days_and_only_then_may_the_office_close_the_petition() {
		long id = this.api.register("供暖费退费", "370202196606061110", "2026-01-02T09:00:00+08:00", null)
			.path("id")
			.asLong();
		this.api.act(this.api.office, id, "transfer", "\"unitCode\":\"DC-HP\",\"at\":\"2026-01-03T10:00:00+08:00\"",
				200);
		this.api.act(this.api.street, id, "accept", "\"at\":\"2026-01-04T10:00:00+08:00\"", 200);
		JsonNode decided = this.api.act(this.api.street, id, "decide",
				"\"outcome\":\"NOT_SUPPORT\",\"text\":\"不符合退费条件。\",\"at\":\"2026-01-05T10:00:00+08:00\"", 200);
		assertThat(due(decided, "REVIEW_REQUEST")).isEqualTo("2026-02-04T23:59:59+08:00");
		this.api.act(this.api.office, id, "request-review", "\"reason\":\"不服\",\"at\":\"2026-02-05T09:00:00+08:00\"",
				409);
		assertThat(this.api.act(this.api.office, id, "close", "\"note\":\"复查期限届满未申请\"", 200).path("status").asString())
			.isEqualTo("CLOSED");

		long open = this.api.register("小区噪声扰民", "110105198812120075", "2026-02-27T09:00:00+08:00", null)
			.path("id")
			.asLong();
		this.api.act(this.api.office, open, "transfer", "\"unitCode\":\"DC-HP\",\"at\":\"2026-02-27T10:00:00+08:00\"",
				200);
		this.api.act(this.api.street, open, "accept", "\"at\":\"2026-02-28T10:00:00+08:00\"", 200);
		this.api.act(this.api.street, open, "decide",
				"\"outcome\":\"SUPPORT\",\"text\":\"已责令整改。\",\"at\":\"2026-03-02T10:00:00+08:00\"", 200);
		this.api.act(this.api.office, open, "close", "\"note\":\"办结\"", 409);
	}

	@Test
	void the_deadline_engine_answers_for_any_signed_in_user_and_names_bad_fields() {
		JsonNode due = this.api.street
			.get("/api/v1/calendar/due?from=2026-02-13T10:00:00%2B08:00&amount=1&unit=WORKING_DAYS")
			.json();
		assertThat(due.path("dueAt").asString()).as("Saturday 14 February is a make-up working day")
			.isEqualTo("2026-02-14T23:59:59+08:00");
		assertThat(this.api.street.get("/api/v1/calendar/due?from=2026-02-13&amount=5&unit=CALENDAR_DAYS")
			.json()
			.path("dueAt")
			.asString()).isEqualTo("2026-02-24T23:59:59+08:00");
		assertThat(
				this.api.street.get("/api/v1/calendar/due?from=%2B999999999-12-31T00:00:00%2B08:00&amount=1&unit=HOURS")
					.errorFields())
			.containsExactly("from");
		var bad = this.api.street.get("/api/v1/calendar/due?from=yesterday&amount=0&unit=WEEKS");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.errorFields()).containsExactly("from", "amount", "unit");
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
