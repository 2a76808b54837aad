package org.yixian.frontline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reception days: published without anyone's personal data, booked up to their slots and
 * never beyond under concurrent bookings, cancelled with the code, and visits that are
 * answered or become cases whose origin is the reception.
 */
@WebTest
class ReceptionApiTests {

	@LocalServerPort
	int port;

	FrontlineApi api;

	@BeforeEach
	void people() {
		this.api = new FrontlineApi(this.port);
	}

	@Test
	void twenty_citizens_booking_five_slots_at_once_get_exactly_five_bookings_and_the_rest_are_told_fully_booked()
			throws Exception {
		long id = this.api.reception(5, 24 * 60).path("id").asLong();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Response>> answers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String phone = "139%08d".formatted(10_000 + i);
			Callable<Api.Response> booking = () -> {
				start.await();
				return this.api.book(id, "市民" + phone.substring(7), phone);
			};
			answers.add(pool.submit(booking));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		for (Future<Api.Response> answer : answers) {
			Api.Response response = answer.get();
			statuses.add(response.status());
			if (response.status() == 409) {
				codes.add(response.json().path("code").asString());
			}
		}
		pool.shutdown();
		assertThat(statuses).filteredOn((s) -> s == 201).hasSize(5);
		assertThat(statuses).filteredOn((s) -> s == 409).hasSize(15);
		assertThat(codes).containsOnly("FULLY_BOOKED");
		JsonNode day = this.api.district.get("/api/v1/receptions/" + id).json();
		assertThat(day.path("booked").asInt()).isEqualTo(5);
		assertThat(day.path("freeSlots").asInt()).isZero();
		assertThat(day.path("bookings").size()).isEqualTo(5);
	}

	@Test
	void the_public_list_shows_the_leader_and_free_slots_but_nobody_s_personal_data_and_a_bad_phone_is_refused_on_phone() {
		long id = this.api.reception(3, 24 * 60).path("id").asLong();
		Api.Response bad = this.api.book(id, "张三", "12345");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.errorFields()).containsExactly("phone");
		Api.Response booked = this.api.book(id, "张三", "13800138000");
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		assertThat(booked.json().path("confirmationCode").asString()).matches("[A-HJ-NP-Z2-9]{8}");
		Api.Response again = this.api.book(id, "张三", "138 0013 8000");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("code").asString()).isEqualTo("ALREADY_BOOKED");

		Api.Response list = this.api.citizen.get("/api/v1/public/receptions");
		assertThat(list.status()).isEqualTo(200);
		JsonNode day = null;
		for (JsonNode item : list.json()) {
			if (item.path("id").asLong() == id) {
				day = item;
			}
		}
		assertThat(day).isNotNull();
		assertThat(day.path("leaderName").asString()).isEqualTo("王东升");
		assertThat(day.path("leaderPost").asString()).isEqualTo("东城区副区长");
		assertThat(day.path("freeSlots").asInt()).isEqualTo(2);
		assertThat(list.body()).doesNotContain("13800138000", "张三", "电梯");
		assertThat(this.api.citizen.get("/api/v1/receptions/" + id).status()).isEqualTo(401);
	}

	@Test
	void a_booking_cancelled_with_its_code_frees_its_slot_and_the_code_cannot_be_used_twice() {
		long id = this.api.reception(1, 24 * 60).path("id").asLong();
		String code = this.api.book(id, "李四", "13700001111").json().path("confirmationCode").asString();
		assertThat(this.api.book(id, "王五", "13700002222").json().path("code").asString()).isEqualTo("FULLY_BOOKED");
		Api.Response cancel = this.api.citizen.post("/api/v1/public/bookings/cancel",
				"{\"confirmationCode\":\"" + code.toLowerCase() + "\"}");
		assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
		assertThat(this.api.citizen.post("/api/v1/public/bookings/cancel", "{\"confirmationCode\":\"" + code + "\"}")
			.status()).isEqualTo(404);
		assertThat(this.api.book(id, "王五", "13700002222").status()).isEqualTo(201);
	}

	@Test
	void a_booked_visitor_whose_matter_becomes_a_case_gives_a_case_with_the_reception_as_origin() {
		long id = this.api.reception(10, 30).path("id").asLong();
		String code = this.api.book(id, "赵敏华", "13655556666").json().path("confirmationCode").asString();
		Api.Response visit = this.api.district.post("/api/v1/receptions/" + id + "/visits", """
				{"confirmationCode":"%s","matter":"小区电梯停运三个月，物业称无维修资金","outcome":"CASE",
				 "case":{"kind":"DEMAND","type":"HELP","title":"和平里小区3号楼电梯停运三个月",
				         "content":"接访时反映：电梯停运三个月，物业称维修资金不足，请求协调维修。","categoryCode":"0102",
				         "areaUnitCode":"DC-HP-01"}}""".formatted(code));
		assertThat(visit.status()).as(visit.body()).isEqualTo(201);
		long caseId = visit.json().path("caseId").asLong();
		assertThat(visit.json().path("caseNumber").asString()).startsWith("D");
		assertThat(visit.json().path("queryCode").asString()).hasSize(8);
		JsonNode registered = this.api.district.get("/api/v1/cases/" + caseId).json();
		assertThat(registered.path("origin").path("kind").asString()).isEqualTo("RECEPTION");
		assertThat(registered.path("origin").path("id").asLong()).isEqualTo(id);
		assertThat(registered.path("channel").asString()).isEqualTo("WALK_IN");
		assertThat(registered.path("complainant").path("name").asString()).isEqualTo("赵敏华");
		assertThat(registered.path("assignedUnitCode").asString()).isEqualTo("DC-HP");

		JsonNode day = this.api.district.get("/api/v1/receptions/" + id).json();
		assertThat(day.path("bookings").get(0).path("status").asString()).isEqualTo("VISITED");
		assertThat(day.path("visits").get(0).path("caseNumber").asString())
			.isEqualTo(visit.json().path("caseNumber").asString());
		Api.Response twice = this.api.district.post("/api/v1/receptions/" + id + "/visits",
				"{\"confirmationCode\":\"%s\",\"outcome\":\"ANSWERED\",\"answer\":\"已答复\"}".formatted(code));
		assertThat(twice.status()).isEqualTo(409);
	}

	@Test
	void a_walk_in_answered_on_the_spot_needs_the_answer_and_a_bad_case_body_is_named_under_case() {
		long id = this.api.reception(10, 30).path("id").asLong();
		Api.Response noAnswer = this.api.district.post("/api/v1/receptions/" + id + "/visits",
				"{\"complainant\":{\"name\":\"钱大爷\"},\"matter\":\"咨询养老补贴申领\",\"outcome\":\"ANSWERED\"}");
		assertThat(noAnswer.status()).isEqualTo(422);
		assertThat(noAnswer.errorFields()).containsExactly("answer");
		Api.Response answered = this.api.district.post("/api/v1/receptions/" + id + "/visits", """
				{"complainant":{"name":"钱大爷","phone":"13511112222"},"matter":"咨询养老补贴申领",
				 "outcome":"ANSWERED","answer":"已告知到社区服务站携带身份证和户口本申领。"}""");
		assertThat(answered.status()).as(answered.body()).isEqualTo(201);
		assertThat(answered.json().path("caseId").isNull()).isTrue();
		Api.Response badCase = this.api.district.post("/api/v1/receptions/" + id + "/visits",
				"""
						{"complainant":{"name":"孙女士"},"matter":"噪声扰民","outcome":"CASE",
						 "case":{"kind":"DEMAND","type":"COMPLAINT","title":"","content":"夜间施工噪声","areaUnitCode":"XX-NOPE"}}""");
		assertThat(badCase.status()).isEqualTo(422);
		assertThat(badCase.errorFields()).contains("case.title");
		assertThat(this.api.district.get("/api/v1/receptions/" + id).json().path("visits").size()).isEqualTo(1);
		assertThat(this.api.handler
			.post("/api/v1/receptions/" + id + "/visits",
					"{\"complainant\":{\"name\":\"x\"},\"matter\":\"x\",\"outcome\":\"ANSWERED\",\"answer\":\"x\"}")
			.status()).isEqualTo(404);
	}

	@Test
	void only_a_leader_in_scope_can_be_given_a_reception_day() {
		Api.Response other = this.api.street.post("/api/v1/receptions", """
				{"leaderUsername":"dcleader","unitCode":"DC-HP","place":"街道","startsAt":"2030-01-01T09:00:00+08:00",
				 "endsAt":"2030-01-01T11:00:00+08:00","slots":5}""");
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.errorFields()).containsExactly("leaderUsername");
		Api.Response byOffice = this.api.office.post("/api/v1/receptions",
				"""
						{"leaderUsername":"hpleader","unitCode":"DC-HP","place":"和平街道信访接待室","startsAt":"2030-01-01T09:00:00+08:00",
						 "endsAt":"2030-01-01T11:00:00+08:00","slots":5}""");
		assertThat(byOffice.status()).as(byOffice.body()).isEqualTo(201);
		assertThat(this.api.handler.post("/api/v1/receptions", """
				{"leaderUsername":"hpleader","unitCode":"DC-HP","place":"和平街道","startsAt":"2030-01-01T09:00:00+08:00",
				 "endsAt":"2030-01-01T11:00:00+08:00","slots":5}""").status()).isEqualTo(403);
	}

}
