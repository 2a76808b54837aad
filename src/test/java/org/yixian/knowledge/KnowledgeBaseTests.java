package org.yixian.knowledge;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base over real HTTP: Chinese search by the words a caller uses, expired
 * and unpublished articles kept from operators, the editing scope (a district's
 * administrator never edits a city-wide article), stale versions naming what changed, bad
 * input naming its field, the Excel export, and an article used to answer a consultation
 * on the spot — recorded on the case and counted on the article.
 */
@WebTest
class KnowledgeBaseTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	Api admin;

	Api operator;

	@BeforeEach
	void accounts() {
		this.admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		this.operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		if (this.admin.get("/api/v1/users/dcadmin").status() == 404) {
			this.admin.post("/api/v1/users",
					"""
							{"username":"dcadmin","password":"secret123","displayName":"东城区管理员","unitCode":"DC","roles":["ADMIN"]}""");
		}
	}

	@Test
	void an_operator_finds_an_article_by_the_words_a_caller_uses() {
		String tag = tag();
		long id = create(this.admin, "电动自行车上牌登记" + tag, "电动车 上牌 牌照 登记", "携带购车发票、合格证和身份证到车管所登记上牌。", "SFS", "PUBLISHED",
				null, null);
		JsonNode found = this.operator.get("/api/v1/knowledge?q=" + enc("我的电动车怎么去上牌")).json();
		assertThat(ids(found)).contains(id);
		JsonNode demo = this.operator.get("/api/v1/knowledge?q=" + enc("社保卡丢了怎么补办")).json();
		assertThat(demo.path("items").get(0).path("title").asString()).isEqualTo("社会保障卡丢失如何补办");
		JsonNode heating = this.operator.get("/api/v1/knowledge?q=" + enc("暖气什么时候开始供暖") + "&category=01").json();
		assertThat(heating.path("items").get(0).path("title").asString()).contains("供暖");
		assertThat(this.operator.get("/api/v1/knowledge?q=" + enc("暖气什么时候开始供暖") + "&category=02")
			.json()
			.path("items")
			.toString()).doesNotContain("供暖时间");
	}

	@Test
	void a_districts_article_is_hinted_for_its_own_callers_only() {
		Api page = Api.browser(this.port);
		assertThat(page.formLogin("operator", Demo.PASSWORD)).doesNotContain("error");
		String csrf = page.get("/cases/new").csrf();
		java.util.function.Function<String, String> hints = (
				area) -> page
					.form("/knowledge/hints", csrf,
							java.util.Map.of("title", "老旧小区加装电梯", "content", "老旧小区加装电梯有没有补贴，找谁申请？", "areaUnitCode",
									area))
					.body();
		assertThat(hints.apply("DC-HP-01")).contains("东城区老旧小区加装电梯补贴");
		assertThat(hints.apply("东城区 / 和平街道")).contains("东城区老旧小区加装电梯补贴");
		assertThat(hints.apply("XC-XG")).doesNotContain("东城区老旧小区加装电梯补贴");
		assertThat(hints.apply("")).as("no area yet: city-wide articles only").doesNotContain("东城区老旧小区加装电梯补贴");
	}

	@Test
	void expired_and_unpublished_articles_never_reach_an_operator() {
		String tag = tag();
		long expired = create(this.admin, "过期政策" + tag, "过期政策", "已过期的口径" + tag, "SFS", "PUBLISHED",
				TODAY.minusDays(30).toString(), TODAY.minusDays(1).toString());
		long draft = create(this.admin, "草稿口径" + tag, "草稿", "还在起草" + tag, "SFS", "DRAFT", null, null);
		long future = create(this.admin, "未来政策" + tag, "未来政策", "尚未生效" + tag, "SFS", "PUBLISHED",
				TODAY.plusDays(3).toString(), null);
		for (long id : List.of(expired, draft, future)) {
			assertThat(this.operator.get("/api/v1/knowledge/" + id).status()).isEqualTo(404);
			assertThat(this.admin.get("/api/v1/knowledge/" + id).status()).isEqualTo(200);
		}
		assertThat(ids(this.operator.get("/api/v1/knowledge?q=" + enc(tag)).json())).doesNotContain(expired, draft,
				future);
		assertThat(ids(this.admin.get("/api/v1/knowledge?q=" + enc(tag)).json())).contains(expired, draft, future);
		assertThat(this.admin.get("/api/v1/knowledge/" + expired).json().path("current").asBoolean()).isFalse();
	}

	@Test
	void a_district_administrator_edits_the_districts_articles_but_not_the_citys() {
		Api district = Api.basic(this.port, "dcadmin", "secret123");
		String tag = tag();
		long cityWide = create(this.admin, "全市口径" + tag, "", "全市通用", "SFS", "PUBLISHED", null, null);
		Api.Response refused = district.put("/api/v1/knowledge/" + cityWide,
				body("改掉全市口径" + tag, "区里改的", null, "PUBLISHED", null, null, 1));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(
				district.post("/api/v1/knowledge", body("想发全市" + tag, "x", "SFS", "DRAFT", null, null, null)).status())
			.isEqualTo(403);
		long own = create(district, "东城区口径" + tag, "", "东城区的答复", null, "PUBLISHED", null, null);
		assertThat(this.admin.get("/api/v1/knowledge/" + own).json().path("ownerUnitCode").asString()).isEqualTo("DC");
		assertThat(
				district.put("/api/v1/knowledge/" + own, body("东城区口径" + tag, "改过的答复", null, "PUBLISHED", null, null, 1))
					.status())
			.isEqualTo(200);
		assertThat(this.admin
			.put("/api/v1/knowledge/" + own, body("东城区口径" + tag, "市里再改", null, "PUBLISHED", null, null, 2))
			.json()
			.path("version")
			.asInt()).isEqualTo(3);
		assertThat(this.admin.get("/api/v1/knowledge/" + cityWide).json().path("version").asInt()).isEqualTo(1);
	}

	@Test
	void a_stale_edit_is_refused_naming_what_changed_since() {
		String tag = tag();
		long id = create(this.admin, "版本测试" + tag, "", "第一版答复", "SFS", "PUBLISHED", null, null);
		assertThat(
				this.admin.put("/api/v1/knowledge/" + id, body("版本测试" + tag, "第二版答复", null, "PUBLISHED", null, null, 1))
					.status())
			.isEqualTo(200);
		Api.Response stale = this.admin.put("/api/v1/knowledge/" + id,
				body("版本测试改名" + tag, "基于第一版改的", null, "PUBLISHED", null, null, 1));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().path("code").asString()).isEqualTo("STALE_VERSION");
		assertThat(stale.errorFields()).as("what the other edit changed: the answer, and the category it left out")
			.containsExactlyInAnyOrder("answer", "categoryCode");
		assertThat(this.admin.get("/api/v1/knowledge/" + id).json().path("answer").asString()).isEqualTo("第二版答复");
	}

	@Test
	void bad_input_is_refused_naming_the_field() {
		Api.Response blank = this.admin.post("/api/v1/knowledge", """
				{"title":" ","answer":"","status":"PUBLISHED","validFrom":"2026-05-01","validUntil":"2026-04-01",
				 "categoryCode":"nope","responsibleUnitCode":"NOPE"}""");
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.errorFields()).contains("title", "answer", "validUntil", "categoryCode",
				"responsibleUnitCode");
		Api.Response date = this.admin.post("/api/v1/knowledge", """
				{"title":"x","answer":"y","validFrom":"2026-13-45"}""");
		assertThat(date.status()).isEqualTo(400);
		assertThat(date.errorFields()).contains("validFrom");
		Api.Response status = this.admin.post("/api/v1/knowledge", """
				{"title":"x","answer":"y","status":"LIVE"}""");
		assertThat(status.status()).isEqualTo(400);
		assertThat(status.errorFields()).contains("status");
		Api.Response tooLong = this.admin.post("/api/v1/knowledge",
				"{\"title\":\"" + "长".repeat(101) + "\",\"answer\":\"y\"}");
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.errorFields()).containsExactly("title");
		assertThat(this.operator.get("/api/v1/knowledge?category=nope").status()).isEqualTo(422);
		assertThat(this.operator.get("/api/v1/knowledge?size=501").status()).isEqualTo(422);
	}

	@Test
	void the_list_exports_to_excel_with_the_articles_an_operator_sees() throws Exception {
		String tag = tag();
		create(this.admin, "导出口径" + tag, "导出", "第一段。\n第二段。", "SFS", "PUBLISHED", null, null);
		create(this.admin, "导出草稿" + tag, "导出", "草稿", "SFS", "DRAFT", null, null);
		Api browser = Api.browser(this.port);
		browser.formLogin("operator", Demo.PASSWORD);
		byte[] bytes = browser.bytes("/knowledge/export.xlsx?q=" + enc(tag));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("标题");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("导出口径" + tag);
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("已发布");
			assertThat(sheet.getRow(1).getCell(10).getStringCellValue()).isEqualTo("第一段。\n第二段。");
		}
	}

	@Test
	void an_article_used_to_answer_a_consultation_is_recorded_on_the_case_and_counted() {
		String tag = tag();
		long id = create(this.admin, "答复计数" + tag, "计数", "这是标准答复。", "SFS", "PUBLISHED", null, null);
		JsonNode created = this.operator
			.post("/api/v1/cases",
					"""
							{"kind":"DEMAND","type":"CONSULT","channel":"PHONE","title":"咨询答复计数","content":"来电咨询。",
							 "areaUnitCode":"DC-HP","answer":"这是标准答复。","answerSource":{"articleId":%d,"version":1}}"""
						.formatted(id))
			.json();
		assertThat(created.path("status").asString()).isEqualTo("CLOSED");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.operator.get("/api/v1/knowledge/" + id).json().path("usageCount").asLong())
						.isEqualTo(1));
		Api.Response complaint = this.operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"CONSULT","channel":"PHONE","title":"只有来源","content":"来电咨询。",
				 "areaUnitCode":"DC-HP","answerSource":{"articleId":%d,"version":1}}""".formatted(id));
		assertThat(complaint.status()).isEqualTo(422);
		assertThat(complaint.errorFields()).contains("answerSource");
		long draft = create(this.admin, "草稿口径" + tag, "", "还没发布的答复。", "SFS", "DRAFT", null, null);
		for (String source : List.of("{\"articleId\":" + draft + ",\"version\":1}",
				"{\"articleId\":" + id + ",\"version\":7}", "{\"articleId\":999999999,\"version\":1}")) {
			Api.Response refused = this.operator.post("/api/v1/cases", """
					{"kind":"DEMAND","type":"CONSULT","channel":"PHONE","title":"来源不对","content":"来电咨询。",
					 "areaUnitCode":"DC-HP","answer":"答复。","answerSource":%s}""".formatted(source));
			assertThat(refused.status()).as(source).isEqualTo(422);
			assertThat(refused.errorFields()).as(source).contains("answerSource");
		}
	}

	@Test
	void a_refused_console_form_names_again_the_article_its_answer_came_from() {
		String tag = tag();
		long id = create(this.admin, "退回口径" + tag, "口径", "这是口径答复。", "SFS", "PUBLISHED", null, null);
		Api page = Api.browser(this.port);
		page.formLogin("operator", Demo.PASSWORD);
		java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
		form.put("formToken", java.util.UUID.randomUUID().toString());
		form.put("kind", "DEMAND");
		form.put("type", "CONSULT");
		form.put("channel", "PHONE");
		form.put("areaUnitCode", "DC-HP");
		form.put("title", "");
		form.put("content", "来电咨询口径。");
		form.put("answer", "这是口径答复。");
		form.put("answerArticleId", Long.toString(id));
		form.put("answerArticleVersion", "1");
		Api.Response refused = page.form("/cases/new", page.get("/cases/new").csrf(), form);
		assertThat(refused.body()).contains("答复取自知识：退回口径" + tag).contains("这是口径答复。");
		long draft = create(this.admin, "未发布口径" + tag, "", "草稿。", "SFS", "DRAFT", null, null);
		form.put("formToken", java.util.UUID.randomUUID().toString());
		form.put("answerArticleId", Long.toString(draft));
		assertThat(page.form("/cases/new", page.get("/cases/new").csrf(), form).body())
			.as("a draft's title is not told to whoever posts its id")
			.doesNotContain("未发布口径" + tag);
	}

	@Test
	void the_edit_page_keeps_what_was_typed_when_refused_and_over_a_newer_version() {
		String tag = tag();
		long id = create(this.admin, "页面口径" + tag, "", "原来的答复", "SFS", "PUBLISHED", null, null);
		Api page = Api.browser(this.port);
		page.formLogin("admin", Demo.PASSWORD);
		String csrf = page.get("/knowledge/new").csrf();
		Api.Response refused = page.form("/knowledge", csrf, Map.of("title", "", "answer", "我写了很长的答复<b>粗</b>", "status",
				"PUBLISHED", "ownerUnitCode", "SFS", "validFrom", "2026-02-30"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("我写了很长的答复&lt;b&gt;粗&lt;/b&gt;").contains("field-error");
		this.admin.put("/api/v1/knowledge/" + id, body("页面口径" + tag, "别人改的答复", null, "PUBLISHED", null, null, 1));
		csrf = page.get("/knowledge/" + id + "/edit").csrf();
		Api.Response stale = page.form("/knowledge/" + id, csrf, Map.of("title", "页面口径" + tag, "answer", "我基于旧版写的答复",
				"status", "PUBLISHED", "ownerUnitCode", "SFS", "version", "1"));
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("stale-notice").contains("我基于旧版写的答复").contains("value=\"2\"");
		Api.Response again = page.form("/knowledge/" + id, csrf, Map.of("title", "页面口径" + tag, "answer", "我基于旧版写的答复",
				"status", "PUBLISHED", "ownerUnitCode", "SFS", "version", "2"));
		assertThat(again.status()).isEqualTo(302);
		assertThat(this.admin.get("/api/v1/knowledge/" + id).json().path("answer").asString()).isEqualTo("我基于旧版写的答复");
		Api reader = Api.browser(this.port);
		reader.formLogin("handler", Demo.PASSWORD);
		assertThat(reader.get("/knowledge/" + id).body()).contains("我基于旧版写的答复").doesNotContain("edit-article");
		assertThat(reader.get("/knowledge?q=" + enc("火星移民签证")).body()).contains("kb-empty");
	}

	private long create(Api who, String title, String keywords, String answer, String owner, String status, String from,
			String until) {
		String json = "{\"title\":" + q(title) + ",\"keywords\":" + q(keywords) + ",\"answer\":" + q(answer)
				+ ",\"categoryCode\":\"0103\",\"ownerUnitCode\":" + q(owner) + ",\"status\":" + q(status)
				+ ",\"validFrom\":" + q(from) + ",\"validUntil\":" + q(until) + "}";
		Api.Response response = who.post("/api/v1/knowledge", json);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asLong();
	}

	private static String body(String title, String answer, String owner, String status, String from, String until,
			Integer version) {
		return "{\"title\":" + q(title) + ",\"answer\":" + q(answer) + ",\"ownerUnitCode\":" + q(owner) + ",\"status\":"
				+ q(status) + ",\"validFrom\":" + q(from) + ",\"validUntil\":" + q(until) + ",\"version\":" + version
				+ "}";
	}

	private static String q(String value) {
		return (value == null) ? "null"
				: "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.path("items").forEach((item) -> ids.add(item.path("id").asLong()));
		return ids;
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
