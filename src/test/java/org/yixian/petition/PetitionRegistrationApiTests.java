package org.yixian.petition;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration rules of petitions (group visits, ID numbers, repeats, 老访户, 重大紧急), the two
 * tracks kept apart, recording the past, and identities masked until revealed.
 */
@WebTest
class PetitionRegistrationApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	PetitionApi api;

	@BeforeEach
	void offices() {
		this.api = new PetitionApi(this.port);
	}

	@Test
	void a_group_visit_names_at_most_five_representatives_and_id_numbers_must_pass_their_check_digit() {
		String six = "[" + "{\"name\":\"代表\"},".repeat(5) + "{\"name\":\"第六人\"}]";
		Api.Response tooMany = this.api.office.post("/api/v1/cases",
				body("集体反映欠薪", "320102198506055041", ",\"visitorCount\":30,\"representatives\":" + six));
		assertThat(tooMany.status()).isEqualTo(422);
		assertThat(tooMany.errorFields()).containsExactly("representatives");

		Api.Response badId = this.api.office.post("/api/v1/cases", body("集体反映欠薪", "110101198001011233", ""));
		assertThat(badId.status()).isEqualTo(422);
		assertThat(badId.errorFields()).containsExactly("complainant.idNumber");

		Api.Response five = this.api.office.post("/api/v1/cases",
				body("集体反映欠薪问题", "320102198511021743", ",\"visitorCount\":30,\"representatives\":["
						+ "{\"name\":\"李四\",\"idNumber\":\"110105198812120075\"},".repeat(4) + "{\"name\":\"王五\"}]"));
		assertThat(five.status()).as(five.body()).isEqualTo(201);
		assertThat(five.json().path("visitorCount").asInt()).isEqualTo(30);
		assertThat(five.json().path("representatives").size()).isEqualTo(5);
		assertThat(five.json().path("representatives").get(0).path("name").asString()).isEqualTo("李*");
	}

	@Test
	void a_repeat_from_the_same_person_is_merged_into_the_open_petition_and_the_third_makes_a_frequent_petitioner() {
		String id = "320102198509044743";
		JsonNode first = this.api.register("老旧小区加装电梯补贴未发放", id, null, null);
		assertThat(first.path("frequentPetitioner").asBoolean()).isFalse();
		JsonNode second = this.api.register("老旧小区加装电梯补贴未发放", id, null, null);
		assertThat(second.path("status").asString()).isEqualTo("MERGED");
		assertThat(second.path("repeatOf").path("number").asString()).isEqualTo(first.path("number").asString());
		assertThat(second.path("parentCaseId").asLong()).isEqualTo(first.path("id").asLong());
		JsonNode third = this.api.register("老旧小区加装电梯补贴未发放", id, null, null);
		assertThat(third.path("frequentPetitioner").asBoolean()).isTrue();
		JsonNode original = this.api.get(first.path("id").asLong());
		assertThat(original.path("repeatCount").asInt()).isEqualTo(2);
		assertThat(original.path("mergedCases").size()).isEqualTo(2);
		assertThat(this.api.office.get("/api/v1/petitions/backlog?size=500").body())
			.contains(first.path("number").asString());

		JsonNode other = this.api.register("另一件事：单位拖欠工资", id, null, null);
		assertThat(other.path("status").asString()).as("a different matter is not a repeat").isEqualTo("REGISTERED");
	}

	@Test
	void a_demand_action_on_a_petition_and_a_petition_action_on_a_demand_are_illegal_transitions() {
		long petition = this.api.register("违建拆除补偿", "320102198510026198", null, null).path("id").asLong();
		JsonNode sign = this.api.act(this.api.office, petition, "dispatch", "\"unitCode\":\"DC-HP\"", 409);
		assertThat(sign.path("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		long demand = operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"COMPLAINT","channel":"PHONE","title":"路灯不亮","content":"小区路灯不亮",
				 "areaUnitCode":"SFS","complainant":{"phone":"13900001111"}}""").json().path("id").asLong();
		int version = operator.get("/api/v1/cases/" + demand).json().path("version").asInt();
		Api.Response transfer = Api.basic(this.port, "dispatcher", Demo.PASSWORD)
			.post("/api/v1/cases/" + demand + "/actions/transfer",
					"{\"version\":" + version + ",\"unitCode\":\"DC-HP\"}");
		assertThat(transfer.status()).isEqualTo(409);
		assertThat(transfer.json().path("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(this.api.office.post("/api/v1/cases/" + demand + "/actions/fly", "{\"version\":0}").status())
			.isEqualTo(404);
	}

	@Test
	void an_act_recorded_in_the_past_keeps_both_times_and_the_future_or_before_the_previous_entry_is_refused_on_at() {
		String yesterday = Instant.now().minus(Duration.ofDays(1)).toString();
		String twoDaysAgo = Instant.now().minus(Duration.ofDays(2)).toString();
		String tomorrow = Instant.now().plus(Duration.ofDays(1)).toString();
		long id = this.api.register("来信反映学校乱收费", "320102198504021884", twoDaysAgo, null).path("id").asLong();
		JsonNode future = this.api.act(this.api.office, id, "transfer",
				"\"unitCode\":\"DC-HP\",\"at\":\"" + tomorrow + "\"", 422);
		assertThat(future.path("errors").get(0).path("field").asString()).isEqualTo("at");
		JsonNode tooEarly = this.api.act(this.api.office, id, "transfer",
				"\"unitCode\":\"DC-HP\",\"at\":\"" + Instant.now().minus(Duration.ofDays(3)).toString() + "\"", 422);
		assertThat(tooEarly.path("errors").get(0).path("field").asString()).isEqualTo("at");
		JsonNode transferred = this.api.act(this.api.office, id, "transfer",
				"\"unitCode\":\"DC-HP\",\"at\":\"" + yesterday + "\"", 200);
		JsonNode entry = transferred.path("timeline").get(transferred.path("timeline").size() - 1);
		assertThat(entry.path("action").asString()).isEqualTo("transfer");
		assertThat(entry.path("backdated").asBoolean()).isTrue();
		assertThat(Instant.parse(entry.path("recordedAt").asString().replace("+08:00", "+08:00")))
			.isAfter(Instant.parse(entry.path("at").asString()));
		assertThat(entry.path("payload").path("unitCode").asString()).isEqualTo("DC-HP");
		assertThat(transferred.path("timeline").get(0).path("backdated").asBoolean())
			.as("the registration of a letter received two days ago")
			.isTrue();
	}

	@Test
	void names_phones_and_id_numbers_read_masked_until_revealed_with_a_reason_written_to_the_operation_log() {
		JsonNode created = this.api.register("反映征收程序违法", "320102198507141718", null, null);
		long id = created.path("id").asLong();
		JsonNode who = this.api.get(id).path("complainant");
		assertThat(who.path("name").asString()).isEqualTo("王**");
		assertThat(who.path("phone").asString()).isEqualTo("138****0000");
		assertThat(who.path("idNumber").asString()).isEqualTo("320***********1718");
		assertThat(who.path("masked").asBoolean()).isTrue();

		assertThat(this.api.office.post("/api/v1/cases/" + id + "/reveal", "{\"reason\":\" \"}").status())
			.isEqualTo(422);
		JsonNode revealed = this.api.office.post("/api/v1/cases/" + id + "/reveal", "{\"reason\":\"电话回访需核实身份\"}")
			.json()
			.path("complainant");
		assertThat(revealed.path("name").asString()).isEqualTo("王建华");
		assertThat(revealed.path("idNumber").asString()).isEqualTo("320102198507141718");
		JsonNode log = Api.basic(this.port, "admin", Demo.PASSWORD)
			.get("/api/v1/audit?action=REVEAL_IDENTITY&size=100")
			.json();
		assertThat(log.toString()).contains(created.path("number").asString(), "电话回访需核实身份");
	}

	@Test
	void a_major_or_urgent_petition_is_flagged_to_the_office_and_the_leaders_above_it_once_registered()
			throws InterruptedException {
		long id = this.api.register("群体性讨薪事件苗头", "320102198504036648", null, "\"urgent\":true").path("id").asLong();
		long flagged = 0;
		for (int i = 0; i < 50 && flagged < 2; i++) {
			Thread.sleep(100);
			flagged = this.jdbc.sql("select count(*) from notifications where case_id = ? and kind = 'URGENT_PETITION'")
				.param(id)
				.query(Long.class)
				.single();
		}
		assertThat(flagged).isEqualTo(2);
		Api leader = Api.browser(this.port);
		leader.formLogin("leader", Demo.PASSWORD);
		assertThat(leader.get("/notifications").body()).contains("重大紧急信访事项");
		long incomplete = this.jdbc
			.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
			.param("%\"caseId\":" + id + ",%")
			.query(Long.class)
			.single();
		assertThat(incomplete).as("the listener's publication completed").isZero();
	}

	@Test
	void bad_input_is_refused_naming_the_field_and_writes_nothing() {
		long before = count();
		Api.Response nul = this.api.office.post("/api/v1/cases", body("含空字符\\u0000的标题", "320102198501196996", ""));
		assertThat(nul.status()).isEqualTo(400);
		assertThat(nul.errorFields()).containsExactly("title");
		assertThat(this.api.office.get("/api/v1/cases?q=%00").status()).isEqualTo(400);
		assertThat(count()).isEqualTo(before);

		long id = this.api.register("空字符测试", "320102198507023260", null, null).path("id").asLong();
		int version = this.api.get(id).path("version").asInt();
		Api.Response note = this.api.office.post("/api/v1/cases/" + id + "/actions/transfer",
				"{\"version\":" + version + ",\"unitCode\":\"DC-HP\",\"note\":\"a\\u0000b\"}");
		assertThat(note.status()).isEqualTo(400);
		assertThat(note.errorFields()).containsExactly("note");
		Api.Response overflow = this.api.office.post("/api/v1/cases/" + id + "/actions/transfer",
				"{\"version\":4294967296,\"unitCode\":\"DC-HP\"}");
		assertThat(overflow.status()).isEqualTo(422);
		assertThat(overflow.errorFields()).containsExactly("version");
		Api.Response wrongType = this.api.office.post("/api/v1/cases/" + id + "/actions/transfer",
				"{\"version\":" + version + ",\"unitCode\":{\"a\":1}}");
		assertThat(wrongType.status()).isEqualTo(422);
		assertThat(wrongType.errorFields()).containsExactly("unitCode");
		assertThat(this.api.get(id).path("version").asInt()).isEqualTo(version);
	}

	@Test
	void the_registration_page_takes_a_walk_in_without_phone_or_id_and_keeps_blank_representative_rows_out() {
		Api office = Api.browser(this.port);
		office.formLogin("petition", Demo.PASSWORD);
		String csrf = office.get("/petitions/new").csrf();
		java.util.Map<String, String> form = new java.util.LinkedHashMap<>();

		form.put("petitionClass", "APPEAL");
		form.put("channel", "WALK_IN");
		form.put("receivedAt", "garbage");
		form.put("visitorCount", "1");
		form.put("name", "无电话的来访人");
		form.put("phone", "");
		form.put("idNumber", "");
		for (int i = 0; i < 5; i++) {
			form.put("representatives[" + i + "].name", "");
			form.put("representatives[" + i + "].phone", "");
			form.put("representatives[" + i + "].idNumber", "");
		}
		form.put("areaUnitCode", "DC-HP-01");
		form.put("title", "来访反映事项");
		form.put("content", "来访人没有手机，也未带身份证。");
		Api.Response refused = office.form("/petitions/new", csrf, form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("来访人没有手机，也未带身份证。").contains("field-error");
		form.put("receivedAt", "");
		Api.Response saved = office.form("/petitions/new", refused.csrf(), form);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		String location = saved.header("Location");
		JsonNode created = this.api.get(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
		assertThat(created.path("representatives").size()).isZero();
		assertThat(created.path("visitorCount").asInt()).isEqualTo(1);
	}

	private long count() {
		return this.jdbc.sql("select count(*) from cases").query(Long.class).single();
	}

	private static String body(String title, String idNumber, String extra) {
		return """
				{"kind":"PETITION","petitionClass":"APPEAL","channel":"WALK_IN","title":"%s","content":"%s",
				 "areaUnitCode":"DC-HP-01","complainant":{"name":"赵六","idNumber":"%s"}%s}""".formatted(title, title,
				idNumber, extra);
	}

}
