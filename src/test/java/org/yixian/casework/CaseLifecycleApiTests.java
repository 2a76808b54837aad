package org.yixian.casework;

import java.util.Map;

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
 * Demands walked through every path of the 12345 cycle over the real API, with the
 * refusals that must change nothing.
 */
@WebTest
class CaseLifecycleApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Timeline timeline;

	Api operator;

	Api dispatcher;

	Api handler;

	@BeforeEach
	void signIn() {
		this.operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		this.dispatcher = Api.basic(this.port, "dispatcher", Demo.PASSWORD);
		this.handler = Api.basic(this.port, "handler", Demo.PASSWORD);
		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		for (String[] user : new String[][] { { "communityhandler", "DC-HP-01", "HANDLER" },
				{ "zjjhandler", "SFS-ZJJ", "HANDLER" }, { "cgjhandler", "SFS-CGJ", "HANDLER" } }) {
			if (admin.get("/api/v1/users/" + user[0]).status() == 404) {
				admin.post("/api/v1/users",
						"{\"username\":\"" + user[0] + "\",\"password\":\"secret123\",\"displayName\":\"" + user[0]
								+ "\",\"unitCode\":\"" + user[1] + "\",\"roles\":[\"" + user[2] + "\"]}");
			}
		}
	}

	@Test
	void a_demand_in_a_street_is_dispatched_by_the_catalogue_returned_and_the_objection_accepted() {
		JsonNode created = create("小区物业乱收费", "0102", "DC-HP-01", "13900000001", false);
		assertThat(created.path("number").asString()).matches("D\\d{14}");
		assertThat(created.path("queryCode").asString()).matches("[A-Z2-9]{8}");
		assertThat(created.path("status").asString()).isEqualTo("DISPATCHED");
		assertThat(created.path("assignedUnitCode").asString()).isEqualTo("DC-HP");
		assertThat(kinds(created.path("deadlines"))).contains("SIGN", "REPLY");
		assertThat(units(created)).containsEntry("DC", "COPY").containsEntry("DC-HP", "LEAD");
		long id = created.path("id").asLong();

		JsonNode returned = act(this.handler, id, "return", "\"reason\":\"不属于本街道职责，应由城管局处理\"", 200);
		assertThat(returned.path("status").asString()).isEqualTo("RETURNED");
		assertThat(returned.path("returnCount").asInt()).isEqualTo(1);

		JsonNode accepted = act(this.dispatcher, id, "review-return",
				"\"decision\":\"ACCEPT\",\"unitCode\":\"SFS-CGJ\"", 200);
		assertThat(accepted.path("status").asString()).isEqualTo("DISPATCHED");
		assertThat(accepted.path("assignedUnitCode").asString()).isEqualTo("SFS-CGJ");
		assertThat(units(accepted)).containsEntry("SFS-CGJ", "LEAD");
		assertThat(this.handler.get("/api/v1/cases/" + id).status()).isEqualTo(200);
		assertThat(act(Api.basic(this.port, "cgjhandler", "secret123"), id, "sign", "", 200).path("status").asString())
			.isEqualTo("HANDLING");
		assertThat(this.timeline.verify(id)).isTrue();
	}

	@Test
	void a_demand_goes_through_co_handling_rejection_extension_sending_back_revisit_and_reopening_to_closure() {
		JsonNode created = create("路灯不亮影响夜间出行", null, "SFS", "13900000002", false);
		assertThat(created.path("status").asString()).isEqualTo("REGISTERED");
		long id = created.path("id").asLong();

		JsonNode dispatched = act(this.dispatcher, id, "dispatch",
				"\"unitCode\":\"DC-HP\",\"assistUnitCodes\":[\"SFS-ZJJ\"],\"copyUnitCodes\":[\"DC\"]", 200);
		assertThat(dispatched.path("status").asString()).isEqualTo("DISPATCHED");
		assertThat(units(dispatched)).containsEntry("DC-HP", "LEAD")
			.containsEntry("SFS-ZJJ", "ASSIST")
			.containsEntry("DC", "COPY");

		Api supervisor = Api.basic(this.port, "supervisor", Demo.PASSWORD);
		refusedUnchanged(supervisor, id, "sign", "", 403, "FORBIDDEN");
		refusedUnchanged(Api.basic(this.port, "zjjhandler", "secret123"), id, "sign", "", 403, "FORBIDDEN");
		assertThat(Api.basic(this.port, "handler2", Demo.PASSWORD).get("/api/v1/cases/" + id).status()).isEqualTo(404);
		refusedUnchanged(this.handler, id, "reply", "\"result\":\"RESOLVED\",\"text\":\"x\"", 409,
				"ILLEGAL_TRANSITION");
		refusedUnchanged(this.handler, id, "return", "", 422, "VALIDATION_FAILED");

		act(this.handler, id, "return", "\"reason\":\"路灯归市政管理\"", 200);
		JsonNode rejected = act(this.dispatcher, id, "review-return",
				"\"decision\":\"REJECT\",\"comment\":\"属地管理，请办理\"", 200);
		assertThat(rejected.path("status").asString()).isEqualTo("DISPATCHED");
		refusedUnchanged(this.handler, id, "return", "\"reason\":\"再退一次\"", 409, "ILLEGAL_TRANSITION");

		act(this.handler, id, "sign", "", 200);
		act(this.handler, id, "contact", "\"note\":\"已电话联系市民，约定明日现场查看\"", 200);
		JsonNode reported = act(Api.basic(this.port, "zjjhandler", "secret123"), id, "report", "\"note\":\"已协调供电维修队\"",
				200);
		assertThat(reported.path("units").toString()).contains("DONE");

		String replyDue = due(this.handler.get("/api/v1/cases/" + id).json(), "REPLY");
		act(this.handler, id, "request-extension", "\"amount\":3,\"unit\":\"WORKING_DAYS\",\"reason\":\"需更换电缆\"", 200);
		refusedUnchanged(this.handler, id, "request-extension",
				"\"amount\":3,\"unit\":\"WORKING_DAYS\",\"reason\":\"再申请\"", 409, "ILLEGAL_TRANSITION");
		JsonNode extended = act(this.dispatcher, id, "decide-extension", "\"approve\":true", 200);
		assertThat(due(extended, "REPLY")).isGreaterThan(replyDue);

		act(this.handler, id, "reply", "\"result\":\"RESOLVED\",\"text\":\"路灯已修复\"", 200);
		JsonNode sentBack = act(this.dispatcher, id, "review-reply", "\"approve\":false,\"comment\":\"请附维修照片并说明原因\"",
				200);
		assertThat(sentBack.path("status").asString()).isEqualTo("HANDLING");
		act(this.handler, id, "reply", "\"result\":\"RESOLVED\",\"text\":\"路灯已于今日修复，更换了老化电缆\"", 200);
		JsonNode approved = act(this.dispatcher, id, "review-reply", "\"approve\":true", 200);
		assertThat(approved.path("status").asString()).isEqualTo("VISITING");

		JsonNode unhappy = act(this.operator, id, "return-visit",
				"\"resolved\":\"UNRESOLVED\",\"satisfaction\":\"UNSATISFIED\",\"note\":\"修好后又坏了\"", 200);
		assertThat(unhappy.path("status").asString()).isEqualTo("VISITING");
		refusedUnchanged(this.operator, id, "return-visit", "\"resolved\":\"RESOLVED\",\"satisfaction\":\"SATISFIED\"",
				409, "ILLEGAL_TRANSITION");
		JsonNode reopened = act(this.dispatcher, id, "reopen", "\"reason\":\"市民反映仍未解决\"", 200);
		assertThat(reopened.path("status").asString()).isEqualTo("HANDLING");
		assertThat(reopened.path("reopenCount").asInt()).isEqualTo(1);

		act(this.handler, id, "reply", "\"result\":\"RESOLVED\",\"text\":\"已整体更换灯杆线路\"", 200);
		act(this.dispatcher, id, "review-reply", "\"approve\":true", 200);
		JsonNode closed = act(this.operator, id, "return-visit",
				"\"resolved\":\"RESOLVED\",\"satisfaction\":\"SATISFIED\"", 200);
		assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
		refusedUnchanged(this.handler, id, "sign", "", 409, "ILLEGAL_TRANSITION");

		java.util.List<String> actions = new java.util.ArrayList<>();
		closed.path("timeline").forEach((e) -> actions.add(e.path("action").asString()));
		assertThat(actions).containsSubsequence("register", "dispatch", "return", "review-return", "sign", "contact",
				"report", "request-extension", "decide-extension", "reply", "review-reply", "reply", "review-reply",
				"return-visit", "reopen", "reply", "review-reply", "return-visit", "close");
		assertThat(this.timeline.verify(id)).isTrue();
		long messages = this.jdbc.sql("select count(*) from outbound_messages where case_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		assertThat(messages).isGreaterThanOrEqualTo(3);
	}

	@Test
	void a_repeat_is_merged_into_the_open_case_and_both_citizens_hear_of_the_outcome() {
		JsonNode first = create("楼道堆放杂物存在消防隐患", "0104", "DC-JS-01", "13900000003", false);
		long parent = first.path("id").asLong();
		JsonNode second = create("楼道杂物无人清理", "0104", "DC-JS-01", "13900000003", false);
		long repeat = second.path("id").asLong();
		assertThat(this.dispatcher.get("/api/v1/cases/" + repeat + "/possible-repeats").body())
			.contains(first.path("number").asString());

		JsonNode merged = act(this.dispatcher, repeat, "merge", "\"intoCaseId\":" + parent, 200);
		assertThat(merged.path("status").asString()).isEqualTo("MERGED");
		assertThat(merged.path("parentCaseNumber").asString()).isEqualTo(first.path("number").asString());
		JsonNode parentView = this.dispatcher.get("/api/v1/cases/" + parent).json();
		assertThat(parentView.path("mergedCases").get(0).path("number").asString())
			.isEqualTo(second.path("number").asString());
		refusedUnchanged(this.dispatcher, parent, "merge", "\"intoCaseId\":" + parent, 409, "ILLEGAL_TRANSITION");

		Api streetHandler = Api.basic(this.port, "operator", Demo.PASSWORD);
		assertThat(streetHandler.get("/api/v1/cases/" + repeat).status()).isEqualTo(200);
		Api jsHandler = this.handler;
		assertThat(jsHandler.get("/api/v1/cases/" + parent).status()).isEqualTo(404);

		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		if (admin.get("/api/v1/users/jshandler").status() == 404) {
			admin.post("/api/v1/users",
					"{\"username\":\"jshandler\",\"password\":\"secret123\",\"displayName\":\"建设街道\",\"unitCode\":\"DC-JS\",\"roles\":[\"HANDLER\"]}");
		}
		Api js = Api.basic(this.port, "jshandler", "secret123");
		act(js, parent, "sign", "", 200);
		act(js, parent, "reply", "\"result\":\"RESOLVED\",\"text\":\"已组织清理楼道\"", 200);
		act(this.dispatcher, parent, "review-reply", "\"approve\":true", 200);
		act(this.operator, parent, "return-visit", "\"resolved\":\"RESOLVED\",\"satisfaction\":\"BASICALLY\"", 200);
		long toRepeatCitizen = this.jdbc
			.sql("select count(*) from outbound_messages where case_id = ? and text like '%办结%'")
			.param(repeat)
			.query(Long.class)
			.single();
		assertThat(toRepeatCitizen).isEqualTo(1);

		JsonNode progress = Api.anonymous(this.port)
			.get("/api/v1/public/cases/" + second.path("number").asString() + "?queryCode="
					+ second.path("queryCode").asString())
			.json();
		assertThat(progress.path("statusOfParent").asString()).isEqualTo("CLOSED");
		assertThat(progress.path("reply").asString()).isEqualTo("已组织清理楼道");
	}

	@Test
	void intake_refuses_bad_input_naming_the_field_and_writes_nothing() {
		long before = count();
		Api.Response noType = this.operator.post("/api/v1/cases", """
				{"kind":"DEMAND","channel":"PHONE","title":"t","content":"c","areaUnitCode":"DC-HP"}""");
		assertThat(noType.status()).isEqualTo(422);
		assertThat(noType.errorFields()).containsExactly("type");
		Api.Response badArea = this.operator.post("/api/v1/cases",
				"""
						{"kind":"DEMAND","type":"HELP","channel":"PHONE","title":"t","content":"c","areaUnitCode":"NOWHERE","lat":30.1}""");
		assertThat(badArea.status()).isEqualTo(422);
		assertThat(badArea.errorFields()).containsExactlyInAnyOrder("areaUnitCode", "lng");
		Api.Response tooLong = this.operator.post("/api/v1/cases",
				"{\"kind\":\"DEMAND\",\"type\":\"HELP\",\"channel\":\"PHONE\"," + "\"title\":\"t\",\"content\":\""
						+ "长".repeat(4001) + "\",\"areaUnitCode\":\"DC-HP\"}");
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.errorFields()).containsExactly("content");
		Api.Response badChannel = this.operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"HELP","channel":"PIGEON","title":"t","content":"c","areaUnitCode":"DC-HP"}""");
		assertThat(badChannel.status()).isEqualTo(400);
		assertThat(badChannel.errorFields()).containsExactly("channel");
		Api.Response future = this.operator.post("/api/v1/cases",
				"""
						{"kind":"DEMAND","type":"HELP","channel":"PHONE","title":"t","content":"c","areaUnitCode":"DC-HP","receivedAt":"2099-01-01T00:00:00+08:00"}""");
		assertThat(future.status()).isEqualTo(422);
		assertThat(future.errorFields()).containsExactly("receivedAt");
		assertThat(this.handler.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"HELP","channel":"PHONE","title":"t","content":"c","areaUnitCode":"DC-HP"}""")
			.status()).isEqualTo(403);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void the_same_idempotency_key_returns_the_same_case_and_a_different_body_is_a_conflict() {
		String body = """
				{"kind":"DEMAND","type":"HELP","channel":"API","title":"井盖缺失","content":"人行道井盖缺失","categoryCode":"0103","areaUnitCode":"XC-XG-01"}""";
		Api.Response first = this.operator.post("/api/v1/cases", body, Map.of("Idempotency-Key", "k-123"));
		Api.Response again = this.operator.post("/api/v1/cases", body, Map.of("Idempotency-Key", "k-123"));
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
		assertThat(again.json().path("queryCode").asString()).as("the citizen's code is not lost on a retry")
			.isEqualTo(first.json().path("queryCode").asString());
		Api.Response different = this.operator.post("/api/v1/cases",
				body.replace("井盖缺失\",\"content", "井盖破损\",\"content"), Map.of("Idempotency-Key", "k-123"));
		assertThat(different.status()).isEqualTo(409);
		assertThat(different.json().path("code").asString()).isEqualTo("DUPLICATE_REQUEST");
		JsonNode view = first.json();
		assertThat(kinds(view.path("deadlines"))).contains("SIGN");
		assertThat(view.path("assignedUnitCode").asString()).isEqualTo("XC-XG");
	}

	@Test
	void a_consultation_answered_on_the_call_is_closed_at_once() {
		Api.Response response = this.operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"CONSULT","channel":"PHONE","title":"社保卡补办地点","content":"社保卡丢了去哪补办",
				 "categoryCode":"0202","areaUnitCode":"DC-HP","answer":"可到各区政务服务中心社保窗口补办"}""");
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("status").asString()).isEqualTo("CLOSED");
	}

	@Test
	void a_confidential_complainant_stays_hidden_from_the_handling_unit_and_the_public() {
		JsonNode created = create("举报占道经营", "0104", "DC-HP-02", "13900000009", true);
		long id = created.path("id").asLong();
		assertThat(this.operator.get("/api/v1/cases/" + id).json().path("complainant").path("phone").asString())
			.isEqualTo("13900000009");
		Api.Response asHandler = this.handler.get("/api/v1/cases/" + id);
		assertThat(asHandler.json().path("complainant").isNull()).isTrue();
		assertThat(asHandler.body()).doesNotContain("13900000009").doesNotContain("市民甲");
		Api.Response progress = Api.anonymous(this.port)
			.get("/api/v1/public/cases/" + created.path("number").asString() + "?queryCode="
					+ created.path("queryCode").asString());
		assertThat(progress.status()).isEqualTo(200);
		assertThat(progress.body()).doesNotContain("13900000009").doesNotContain("市民甲");
		assertThat(Api.anonymous(this.port)
			.get("/api/v1/public/cases/" + created.path("number").asString() + "?queryCode=WRONG123")
			.status()).isEqualTo(404);
	}

	@Test
	void stale_versions_unknown_actions_and_malformed_bodies_are_refused() {
		long id = create("噪音扰民", "0104", "DC-HP-03", "13900000010", false).path("id").asLong();
		JsonNode view = this.handler.get("/api/v1/cases/" + id).json();
		int version = view.path("version").asInt();
		Api.Response stale = this.handler.post("/api/v1/cases/" + id + "/actions/sign",
				"{\"version\":" + (version - 1) + "}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().path("code").asString()).isEqualTo("STALE_VERSION");
		Api.Response noVersion = this.handler.post("/api/v1/cases/" + id + "/actions/sign", "{}");
		assertThat(noVersion.status()).isEqualTo(422);
		assertThat(noVersion.errorFields()).containsExactly("version");
		assertThat(this.handler.post("/api/v1/cases/" + id + "/actions/fly", "{\"version\":" + version + "}").status())
			.isEqualTo(404);
		assertThat(this.handler.post("/api/v1/cases/" + id + "/actions/sign", "{\"version\":").status()).isEqualTo(400);
		assertThat(this.handler.get("/api/v1/cases/" + id).json().path("version").asInt()).isEqualTo(version);
	}

	@Test
	void a_citizen_submits_on_the_public_api_and_follows_progress_without_personal_data() {
		Api.Response submitted = Api.anonymous(this.port)
			.post("/api/v1/public/demands",
					"""
							{"type":"COMPLAINT","title":"垃圾清运不及时","content":"小区垃圾三天没人清运","areaUnitCode":"XC-WH-01","name":"王五","phone":"13700000000"}""");
		assertThat(submitted.status()).isEqualTo(201);
		String number = submitted.json().path("number").asString();
		String code = submitted.json().path("queryCode").asString();
		Api.Response progress = Api.anonymous(this.port).get("/api/v1/public/cases/" + number + "?queryCode=" + code);
		assertThat(progress.status()).isEqualTo(200);
		assertThat(progress.json().path("status").asString()).isEqualTo("DISPATCHED");
		assertThat(progress.json().path("handlingUnit").asString()).isEqualTo("文化街道");
		assertThat(progress.body()).doesNotContain("王五").doesNotContain("13700000000");
		Api.Response invalid = Api.anonymous(this.port)
			.post("/api/v1/public/demands", "{\"type\":\"COMPLAINT\",\"title\":\"\"}");
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.errorFields()).contains("title", "content", "areaUnitCode", "phone");
	}

	private JsonNode create(String title, String category, String area, String phone, boolean confidential) {
		Api.Response response = this.operator.post("/api/v1/cases",
				"{\"kind\":\"DEMAND\",\"type\":\"COMPLAINT\",\"channel\":\"PHONE\"," + "\"title\":\"" + title
						+ "\",\"content\":\"" + title + "，请尽快处理。\","
						+ ((category != null) ? "\"categoryCode\":\"" + category + "\"," : "") + "\"areaUnitCode\":\""
						+ area + "\",\"address\":\"" + area + " 1号\",\"complainant\":{\"name\":\"市民甲\",\"phone\":\""
						+ phone + "\",\"confidential\":" + confidential + "}}");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private JsonNode act(Api who, long id, String action, String fields, int expected) {
		int version = this.dispatcher.get("/api/v1/cases/" + id).json().path("version").asInt();
		Api.Response response = who.post("/api/v1/cases/" + id + "/actions/" + action,
				"{\"version\":" + version + (fields.isEmpty() ? "" : "," + fields) + "}");
		assertThat(response.status()).as(action + ": " + response.body()).isEqualTo(expected);
		return response.json();
	}

	private void refusedUnchanged(Api who, long id, String action, String fields, int status, String code) {
		JsonNode before = this.dispatcher.get("/api/v1/cases/" + id).json();
		JsonNode refusal = act(who, id, action, fields, status);
		assertThat(refusal.path("code").asString()).isEqualTo(code);
		JsonNode after = this.dispatcher.get("/api/v1/cases/" + id).json();
		assertThat(after.path("version").asInt()).isEqualTo(before.path("version").asInt());
		assertThat(after.path("status").asString()).isEqualTo(before.path("status").asString());
		assertThat(after.path("timeline").size()).isEqualTo(before.path("timeline").size());
	}

	private static java.util.List<String> kinds(JsonNode deadlines) {
		java.util.List<String> kinds = new java.util.ArrayList<>();
		deadlines.forEach((d) -> kinds.add(d.path("kind").asString()));
		return kinds;
	}

	private static String due(JsonNode view, String kind) {
		for (JsonNode d : view.path("deadlines")) {
			if (kind.equals(d.path("kind").asString())) {
				return java.time.OffsetDateTime.parse(d.path("dueAt").asString()).toInstant().toString();
			}
		}
		return null;
	}

	private static Map<String, String> units(JsonNode view) {
		Map<String, String> units = new java.util.HashMap<>();
		view.path("units").forEach((u) -> {
			if ("OPEN".equals(u.path("state").asString()) || "DONE".equals(u.path("state").asString())) {
				units.put(u.path("unitCode").asString(), u.path("role").asString());
			}
		});
		return units;
	}

	private long count() {
		return this.jdbc.sql("select count(*) from cases").query(Long.class).single();
	}

}
