package org.yixian.casework;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

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
 * The citizen's photos with a demand and their online rating, over real HTTP: what is
 * stored, what is refused and how, who sees the photos, and the rating as the case's
 * return visit.
 */
@WebTest
class CitizenPhotoAndRatingTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Map<String, String> demand(String title, String content) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("formToken", UUID.randomUUID().toString());
		form.put("type", "COMPLAINT");
		form.put("areaUnitCode", "DC-HP-01");
		form.put("title", title);
		form.put("content", content);
		form.put("phone", "13700007777");
		return form;
	}

	@Test
	void photos_sent_with_a_demand_are_stored_without_their_position_and_shown_to_staff_as_the_citizens()
			throws Exception {
		Api citizen = Api.browser(this.port);
		String title = "人行道地砖破损" + UUID.randomUUID().toString().substring(0, 6);
		byte[] jpeg = CitizenPhotosTests.phoneJpeg();
		Api.Response sent = citizen.multipart("/public/demands", citizen.get("/public/demands/new").csrf(),
				demand(title, "人行道地砖大面积破损，老人容易绊倒。"), List.of(new Api.FilePart("photos", "地砖.jpg", "image/jpeg", jpeg),
						new Api.FilePart("photos", "全景.png", "image/png", CitizenPhotosTests.pngWithText())));
		assertThat(sent.status()).as(sent.body()).isEqualTo(302);
		assertThat(sent.header("Location")).endsWith("/public/demands/submitted");
		String number = this.jdbc.sql("select number from cases where title = ?")
			.param(title)
			.query(String.class)
			.single();
		long id = this.jdbc.sql("select id from cases where number = ?").param(number).query(Long.class).single();

		Api dispatcher = Api.basic(this.port, "dispatcher", Demo.PASSWORD);
		JsonNode list = dispatcher.get("/api/v1/cases/" + id + "/attachments").json();
		assertThat(list.size()).isEqualTo(2);
		assertThat(list.get(0).path("uploadedBy").asString()).isEqualTo("@citizen");
		assertThat(list.get(0).path("contentType").asString()).isEqualTo("image/jpeg");
		assertThat(list.get(0).path("fileName").asString()).as("the citizen's own file name is not kept")
			.isEqualTo("市民照片1.jpg");
		assertThat(list.get(1).path("fileName").asString()).isEqualTo("市民照片2.png");
		byte[] stored = dispatcher.bytes("/api/v1/cases/" + id + "/attachments/" + list.get(0).path("id").asLong());
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPS").doesNotContain("PhoneCam");
		assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(64);
		byte[] png = dispatcher.bytes("/api/v1/cases/" + id + "/attachments/" + list.get(1).path("id").asLong());
		assertThat(new String(png, StandardCharsets.ISO_8859_1)).doesNotContain("GPS");
		assertThat(dispatcher.get("/api/v1/cases/" + id).body()).contains("\"action\":\"attach\"");

		Api staff = Api.browser(this.port);
		staff.formLogin("dispatcher", Demo.PASSWORD);
		String page = staff.get("/cases/" + id).body();
		assertThat(page).contains("class=\"thumb\"").contains("view=inline").contains("市民上传").contains("市民（网上评价/上传）");
		Api.Response full = staff
			.get("/cases/" + id + "/attachments/" + list.get(0).path("id").asLong() + "?view=inline");
		assertThat(full.header("Content-Disposition")).startsWith("inline");
		assertThat(full.header("Content-Type")).isEqualTo("image/jpeg");

		// the same rules as every attachment: an outsider and the unit complained about
		// see nothing
		assertThat(Api.basic(this.port, "handler2", Demo.PASSWORD)
			.get("/api/v1/cases/" + id + "/attachments/" + list.get(0).path("id").asLong())
			.status()).isEqualTo(404);
		this.jdbc.sql("update cases set accused_unit_id = (select id from units where code = 'DC-HP') where id = ?")
			.param(id)
			.update();
		Api accused = Api.basic(this.port, "handler", Demo.PASSWORD);
		assertThat(accused.get("/api/v1/cases/" + id + "/attachments").status()).isEqualTo(404);
		assertThat(accused.get("/api/v1/cases/" + id + "/attachments/" + list.get(0).path("id").asLong()).status())
			.isEqualTo(404);
		Api accusedPages = Api.browser(this.port);
		accusedPages.formLogin("handler", Demo.PASSWORD);
		assertThat(accusedPages.get("/cases/" + id + "/attachments/" + list.get(0).path("id").asLong() + "?view=inline")
			.status()).isEqualTo(404);
	}

	@Test
	void a_program_named_jpg_is_refused_on_the_photo_field_and_the_text_is_kept() {
		Api citizen = Api.browser(this.port);
		String title = "垃圾清运不及时" + UUID.randomUUID().toString().substring(0, 6);
		byte[] program = "MZ\u0090\u0000 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
		Api.Response refused = citizen.multipart("/public/demands", citizen.get("/public/demands/new").csrf(),
				demand(title, "小区垃圾三天没有清运，气味很大。"),
				List.of(new Api.FilePart("photos", "photo.jpg", "image/jpeg", program)));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"photos-error\"")
			.contains("“photo.jpg”不是 JPG、PNG 或 WebP 照片")
			.contains("小区垃圾三天没有清运，气味很大。")
			.contains("value=\"" + title + "\"")
			.contains("aria-invalid=\"true\"");
		assertThat(this.jdbc.sql("select count(*) from cases where title = ?").param(title).query(Long.class).single())
			.isZero();
	}

	@Test
	void photos_chosen_with_a_refused_text_are_named_as_to_be_chosen_again_not_dropped_silently() throws Exception {
		Api citizen = Api.browser(this.port);
		String title = "井盖松动" + UUID.randomUUID().toString().substring(0, 6);
		Api.Response refused = citizen.multipart("/public/demands", citizen.get("/public/demands/new").csrf(),
				demand(title, ""),
				List.of(new Api.FilePart("photos", "井盖.jpg", "image/jpeg", CitizenPhotosTests.phoneJpeg())));
		assertThat(refused.status()).isIn(200, 422);
		assertThat(refused.body()).contains("id=\"photos-dropped\"")
			.contains("您选择的 1 张照片未能随表单保留")
			.contains("value=\"" + title + "\"");
		Api.Response without = citizen.multipart("/public/demands", citizen.get("/public/demands/new").csrf(),
				demand(title, ""), List.of());
		assertThat(without.body()).doesNotContain("id=\"photos-dropped\"");
		assertThat(this.jdbc.sql("select count(*) from cases where title = ?").param(title).query(Long.class).single())
			.isZero();
	}

	@Test
	void a_nul_in_a_text_field_of_the_multipart_form_is_a_400_naming_the_field() {
		Api citizen = Api.browser(this.port);
		String title = "空字符" + UUID.randomUUID().toString().substring(0, 6);
		Api.Response refused = citizen.multipart("/public/demands", citizen.get("/public/demands/new").csrf(),
				demand(title + "\u0000", "正文里也没有问题。"), List.of());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("title");
		assertThat(this.jdbc.sql("select count(*) from cases where title like ?")
			.param(title + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void a_request_over_the_size_limit_is_a_413_page_not_an_error_or_a_reset() {
		Api citizen = Api.browser(this.port);
		String title = "噪音扰民" + UUID.randomUUID().toString().substring(0, 6);
		byte[] huge = new byte[13 * 1024 * 1024];
		huge[0] = (byte) 0xFF;
		huge[1] = (byte) 0xD8;
		huge[2] = (byte) 0xFF;
		Api.Response refused = citizen.multipart("/public/demands", citizen.get("/public/demands/new").csrf(),
				demand(title, "工地夜间施工噪音扰民。"), List.of(new Api.FilePart("photos", "big.jpg", "image/jpeg", huge)));
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.body()).contains("提交的内容太大").contains("减少或缩小照片").contains("</html>");
		assertThat(this.jdbc.sql("select count(*) from cases where title = ?").param(title).query(Long.class).single())
			.isZero();
		byte[] six = java.util.Arrays.copyOf(huge, 6 * 1024 * 1024);
		Api.Response tooLarge = citizen.multipart("/public/demands", citizen.get("/public/demands/new").csrf(),
				demand(title, "工地夜间施工噪音扰民。"), List.of(new Api.FilePart("photos", "big.jpg", "image/jpeg", six)));
		assertThat(tooLarge.status()).isEqualTo(422);
		assertThat(tooLarge.body()).contains("照片“big.jpg”超过 5 MB").contains("工地夜间施工噪音扰民。");
	}

	/**
	 * A demand dispatched, answered and approved: awaiting its return visit.
	 */
	private JsonNode answered(String title, String phone) {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		JsonNode created = operator
			.post("/api/v1/cases",
					"""
							{"kind":"DEMAND","type":"COMPLAINT","channel":"WEB","title":"%s","content":"%s，请尽快处理。",
							 "categoryCode":"0102","areaUnitCode":"DC-HP-01","complainant":{"phone":"%s"}}"""
						.formatted(title, title, phone))
			.json();
		long id = created.path("id").asLong();
		act("handler", id, "sign", "");
		act("handler", id, "reply", "\"result\":\"RESOLVED\",\"text\":\"已处理完毕\"");
		act("dispatcher", id, "review-reply", "\"approve\":true");
		return created;
	}

	private void act(String who, long id, String action, String fields) {
		int version = this.jdbc.sql("select version from cases where id = ?").param(id).query(Integer.class).single();
		Api.Response response = Api.basic(this.port, who, Demo.PASSWORD)
			.post("/api/v1/cases/" + id + "/actions/" + action,
					"{\"version\":" + version + (fields.isEmpty() ? "" : "," + fields) + "}");
		assertThat(response.status()).as(action + ": " + response.body()).isEqualTo(200);
	}

	private Api.Response rate(Api citizen, String number, String code, String resolved, String satisfaction,
			String note) {
		Api.Response page = citizen.form("/public/progress", citizen.get("/public/progress").csrf(),
				Map.of("number", number, "queryCode", code));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("number", number);
		form.put("queryCode", code);
		form.put("resolved", resolved);
		form.put("satisfaction", satisfaction);
		form.put("note", note);
		return citizen.form("/public/progress/rating", page.csrf(), form);
	}

	@Test
	void a_citizen_rates_an_answered_demand_once_and_it_is_the_cases_return_visit() {
		JsonNode created = answered("楼道灯不亮", "13700008881");
		String number = created.path("number").asString();
		String code = created.path("queryCode").asString();
		long id = created.path("id").asLong();
		Api citizen = Api.browser(this.port);
		String progress = citizen
			.form("/public/progress", citizen.get("/public/progress").csrf(),
					Map.of("number", number, "queryCode", code))
			.body();
		assertThat(progress).contains("id=\"public-rating\"").contains("评价办理结果");
		assertThat(progress).as("the code is in the form body, not an address").doesNotContain("queryCode=");

		Api.Response rated = rate(citizen, number, code, "RESOLVED", "SATISFIED", "师傅很负责");
		assertThat(rated.status()).as(rated.body()).isEqualTo(302);
		assertThat(rated.header("Location")).endsWith("/public/progress").doesNotContain(code);
		Api.Response after = citizen.get("/public/progress");
		assertThat(after.body()).contains("id=\"public-rated\"").contains("已办结").doesNotContain("id=\"public-rating\"");
		assertThat(citizen.get("/public/progress").body()).as("F5 reads again, rates nothing")
			.doesNotContain("id=\"public-rated\"");

		Map<String, Object> visit = this.jdbc
			.sql("select actor, resolved, satisfaction, note from case_visits where case_id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(visit).containsEntry("actor", "@citizen")
			.containsEntry("resolved", "RESOLVED")
			.containsEntry("satisfaction", "SATISFIED")
			.containsEntry("note", "师傅很负责");
		JsonNode view = Api.basic(this.port, "dispatcher", Demo.PASSWORD).get("/api/v1/cases/" + id).json();
		assertThat(view.path("status").asString()).isEqualTo("CLOSED");
		assertThat(view.path("visit").path("channel").asString()).isEqualTo("ONLINE");
		String payload = this.jdbc
			.sql("select payload::text from case_events where case_id = ? and action = 'return-visit'")
			.param(id)
			.query(String.class)
			.single();
		assertThat(payload).contains("\"channel\": \"ONLINE\"").contains("\"satisfaction\": \"SATISFIED\"");
		String source = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(payload)
			.path("source")
			.asString();
		assertThat(source).as("a keyed fingerprint of the browser, not its address").matches("[0-9a-f]{16}");
		assertThat(payload).doesNotContain("127.0.0.1");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc.sql("select actor from integrity_visits where case_id = ?")
				.param(id)
				.query(String.class)
				.list()).as("integrity counts ratings from one source like one person's")
				.containsExactly("@citizen:" + source));

		Api.Response again = rate(citizen, number, code, "UNRESOLVED", "UNSATISFIED", "再评一次");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains("您已评价过本件，每件只能评价一次。");
		assertThat(this.jdbc.sql("select count(*) from case_visits where case_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void an_unsatisfied_online_rating_leaves_the_case_to_the_hotline_as_a_staff_visit_would() {
		JsonNode created = answered("下水道堵塞", "13700008882");
		long id = created.path("id").asLong();
		Api citizen = Api.browser(this.port);
		Api.Response rated = rate(citizen, created.path("number").asString(), created.path("queryCode").asString(),
				"UNRESOLVED", "UNSATISFIED", "还是堵");
		assertThat(rated.status()).isEqualTo(302);
		JsonNode view = Api.basic(this.port, "dispatcher", Demo.PASSWORD).get("/api/v1/cases/" + id).json();
		assertThat(view.path("status").asString()).isEqualTo("VISITING");
		assertThat(this.jdbc.sql("select count(*) from notifications where case_id = ? and kind = 'RATED_ONLINE'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		act("dispatcher", id, "reopen", "\"reason\":\"市民网上评价未解决\"");
		Api staff = Api.browser(this.port);
		staff.formLogin("dispatcher", Demo.PASSWORD);
		assertThat(staff.get("/cases/" + id).body()).contains("市民（网上评价/上传）");
		act("handler", id, "reply", "\"result\":\"RESOLVED\",\"text\":\"已疏通\"");
		act("dispatcher", id, "review-reply", "\"approve\":true");
		Api.Response second = rate(citizen, created.path("number").asString(), created.path("queryCode").asString(),
				"RESOLVED", "SATISFIED", "");
		assertThat(second.status()).as("once per case, also after reopening").isEqualTo(409);
	}

	private static String withoutToken(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	@Test
	void a_rating_in_the_wrong_state_or_with_a_wrong_code_is_refused_without_telling_that_the_case_exists() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		JsonNode open = operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"COMPLAINT","channel":"WEB","title":"违章搭建","content":"楼顶违章搭建。",
				 "categoryCode":"0102","areaUnitCode":"DC-HP-01","complainant":{"phone":"13700008883"}}""").json();
		Api citizen = Api.browser(this.port);
		Api.Response early = rate(citizen, open.path("number").asString(), open.path("queryCode").asString(),
				"RESOLVED", "SATISFIED", "");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.body()).contains("本件现在不能评价");

		JsonNode answered = answered("路灯不亮", "13700008884");
		Api.Response wrongCode = rate(citizen, answered.path("number").asString(), "WRONGCOD", "RESOLVED", "SATISFIED",
				"");
		Api.Response noCase = rate(citizen, "D99999999999999", "WRONGCOD", "RESOLVED", "SATISFIED", "");
		assertThat(wrongCode.status()).isEqualTo(404).isEqualTo(noCase.status());
		assertThat(wrongCode.body()).contains("没有找到").doesNotContain("路灯不亮").doesNotContain("评价办理结果");
		assertThat(withoutToken(wrongCode.body()).replace(answered.path("number").asString(), "N"))
			.isEqualTo(withoutToken(noCase.body()).replace("D99999999999999", "N"));
		Api.Response missing = rate(citizen, answered.path("number").asString(), answered.path("queryCode").asString(),
				"", "SATISFIED", "");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(this.jdbc.sql("select count(*) from case_visits where case_id = ?")
			.param(answered.path("id").asLong())
			.query(Long.class)
			.single()).isZero();

		Api api = Api.anonymous(this.port);
		Api.Response byApi = api.post("/api/v1/public/cases/" + answered.path("number").asString() + "/rating",
				"{\"queryCode\":\"" + answered.path("queryCode").asString()
						+ "\",\"resolved\":\"PARTLY\",\"satisfaction\":\"BASICALLY\",\"note\":\"还行\"}");
		assertThat(byApi.status()).as(byApi.body()).isEqualTo(200);
		assertThat(byApi.json().path("rated").asBoolean()).isTrue();
		assertThat(byApi.json().path("mayRate").asBoolean()).isFalse();
		Api.Response twice = api.post("/api/v1/public/cases/" + answered.path("number").asString() + "/rating",
				"{\"queryCode\":\"" + answered.path("queryCode").asString()
						+ "\",\"resolved\":\"PARTLY\",\"satisfaction\":\"BASICALLY\"}");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(api
			.post("/api/v1/public/cases/" + answered.path("number").asString() + "/rating",
					"{\"queryCode\":\"WRONGCOD\",\"resolved\":\"PARTLY\",\"satisfaction\":\"BASICALLY\"}")
			.status()).isEqualTo(404);
	}

}
