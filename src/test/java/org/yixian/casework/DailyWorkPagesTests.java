package org.yixian.casework;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

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
 * The pages people use all day, over HTTP as a browser sends them: the console takes
 * names, refuses to make a second case from the same form, shows the caller's history;
 * dispatch suggests a unit and keeps the dispatcher's note; notifications are settled by
 * the work; citizens' forms redirect after saving and never submit twice; the progress
 * lookup keeps the query code out of the address and shows only the citizen's steps.
 */
@WebTest
class DailyWorkPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	@Test
	void the_console_takes_names_and_a_second_post_of_the_same_form_makes_no_second_case() {
		Api operator = signedIn("operator");
		String token = UUID.randomUUID().toString();
		String title = "楼道堆物 " + token.substring(0, 8);
		Map<String, String> form = console(title, "城乡建设 / 物业管理", "西城区", "13700001111", token);
		Api.Response first = operator.form("/cases/new", operator.get("/cases/new").csrf(), form);
		assertThat(first.status()).as(first.body()).isEqualTo(302);
		long id = Long.parseLong(first.header("Location").replaceAll(".*/cases/", ""));
		assertThat(operator.get("/cases/" + id).body()).contains("已受理");
		Map<String, Object> row = this.jdbc
			.sql("select k.code as category, a.code as area from cases c join categories k on k.id = c.category_id "
					+ "join units a on a.id = c.area_unit_id where c.id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("category", "0102").containsEntry("area", "XC");

		Api.Response again = operator.form("/cases/new", operator.get("/cases/new").csrf(), form);
		assertThat(again.header("Location")).endsWith("/cases/" + id);
		assertThat(operator.get("/cases/" + id).body()).contains("没有重复登记");
		assertThat(this.jdbc.sql("select count(*) from cases where title = ?").param(title).query(Long.class).single())
			.isEqualTo(1);

		Map<String, String> next = console(title + " 续", "0102", "XC", "13700001111", UUID.randomUUID().toString());
		next.put("next", "true");
		Api.Response saved = operator.form("/cases/new", operator.get("/cases/new").csrf(), next);
		assertThat(saved.header("Location")).endsWith("/cases/new");
		assertThat(operator.get("/cases/new").body()).contains("id=\"saved-previous\"").contains("已受理");

		String history = operator
			.form("/cases/caller-history", operator.get("/cases/new").csrf(), Map.of("phone", "13700001111"))
			.body();
		assertThat(history).contains("来电历史").contains(title);
		Api handler = signedIn("handler");
		assertThat(handler.form("/cases/caller-history", handler.get("/cases").csrf(), Map.of("phone", "13700001111"))
			.status()).isEqualTo(403);
	}

	@Test
	void a_name_that_names_nothing_is_refused_on_its_field_and_the_typed_text_stays() {
		Api operator = signedIn("operator");
		Map<String, String> form = console("噪声扰民", "不存在的分类", "西城区", "", UUID.randomUUID().toString());
		Api.Response refused = operator.form("/cases/new", operator.get("/cases/new").csrf(), form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("不存在的分类").contains("噪声扰民").contains("field-error");
	}

	@Test
	void the_console_keeps_a_place_picked_on_the_map_and_names_a_coordinate_it_cannot_read() {
		Api operator = signedIn("operator");
		JsonNode places = operator.get("/map/places.json").json();
		assertThat(places.path("areas").size()).isPositive();
		assertThat(places.path("areas").findValuesAsString("label")).contains("东城区 / 和平街道");
		Map<String, String> form = console("坐标写错的来电", "", "西城区", "", UUID.randomUUID().toString());
		form.put("lat", "北纬39度");
		form.put("lng", "116.4");
		Api.Response refused = operator.form("/cases/new", operator.get("/cases/new").csrf(), form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("北纬39度").contains("坐标写错的来电").contains("field-error");
		form.put("lat", "");
		refused = operator.form("/cases/new", operator.get("/cases/new").csrf(), form);
		assertThat(refused.body()).contains("经度和纬度需同时填写");
		form.put("lat", "95.5");
		refused = operator.form("/cases/new", operator.get("/cases/new").csrf(), form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("95.5").contains("field-error");
		form.put("lat", "39.912345");
		form.put("formToken", UUID.randomUUID().toString());
		Api.Response saved = operator.form("/cases/new", operator.get("/cases/new").csrf(), form);
		assertThat(saved.status()).isEqualTo(302);
		Map<String, Object> row = this.jdbc.sql("select lat, lng from cases where title = '坐标写错的来电'")
			.query()
			.singleRow();
		assertThat(row).containsEntry("lat", 39.912345).containsEntry("lng", 116.4);
	}

	@Test
	void dispatch_suggests_the_catalogue_unit_and_keeps_the_dispatchers_note() {
		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		Api operatorApi = Api.basic(this.port, "operator", Demo.PASSWORD);
		JsonNode created = operatorApi
			.post("/api/v1/cases",
					"{\"kind\":\"DEMAND\",\"type\":\"COMPLAINT\",\"channel\":\"PHONE\","
							+ "\"title\":\"建筑工地夜间施工\",\"content\":\"工地夜间施工噪声大。\",\"categoryCode\":\"0105\","
							+ "\"areaUnitCode\":\"XC\",\"complainant\":{\"name\":\"市民乙\",\"phone\":\"13700002222\"}}")
			.json();
		long id = created.path("id").asLong();
		assertThat(created.path("status").asString()).isEqualTo("REGISTERED");
		JsonNode rule = admin.post("/api/v1/dispatch-rules",
				"{\"categoryCode\":\"0105\",\"areaUnitCode\":\"XC\",\"targetUnitCode\":\"XC-XG\",\"copyUnitCodes\":[]}")
			.json();
		try {
			Api dispatcher = signedIn("dispatcher");
			Api.Response page = dispatcher.get("/cases/" + id);
			assertThat(page.body()).contains("unit-option suggested").contains("派单目录规定").contains("派单意见");
			assertThat(page.body()).containsPattern("value=\"XC-XG\"\\s+checked");
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("version", String.valueOf(created.path("version").asInt()));
			fields.put("unitCode", "XC-XG");
			fields.put("copyUnitCodes", "XC");
			fields.put("note", "请街道牵头联系住建部门");
			Api.Response done = dispatcher.form("/cases/" + id + "/actions/dispatch", page.csrf(), fields);
			assertThat(done.status()).isEqualTo(302);
			String payload = this.jdbc
				.sql("select payload::text from case_events where case_id = ? and action = 'dispatch'")
				.param(id)
				.query(String.class)
				.single();
			assertThat(payload).contains("请街道牵头联系住建部门").contains("XC-XG");
			assertThat(dispatcher.get("/cases/" + id).body()).contains("请街道牵头联系住建部门");
			assertThat(Api.anonymous(this.port)
				.get("/public/progress?number=" + created.path("number").asString() + "&queryCode="
						+ created.path("queryCode").asString())
				.body()).as("the dispatcher's note is internal").contains("西关街道").doesNotContain("请街道牵头联系住建部门");
		}
		finally {
			admin.delete("/api/v1/dispatch-rules/" + rule.path("id").asLong());
		}
	}

	@Test
	void a_notification_is_settled_when_the_unit_acts_on_its_case() {
		Api operatorApi = Api.basic(this.port, "operator", Demo.PASSWORD);
		JsonNode created = operatorApi
			.post("/api/v1/cases", "{\"kind\":\"DEMAND\",\"type\":\"COMPLAINT\",\"channel\":\"PHONE\","
					+ "\"title\":\"路灯不亮\",\"content\":\"小区门口路灯一周不亮。\",\"categoryCode\":\"0103\","
					+ "\"areaUnitCode\":\"DC-HP-02\",\"complainant\":{\"name\":\"市民丙\",\"phone\":\"13700003333\"}}")
			.json();
		long id = created.path("id").asLong();
		assertThat(unread(id)).isEqualTo(1);
		Api handler = signedIn("handler");
		assertThat(handler.get("/notifications").body()).contains(created.path("number").asString()).contains("未读");
		Api.Response sign = handler.form("/cases/" + id + "/actions/sign", handler.get("/cases/" + id).csrf(),
				Map.of("version", String.valueOf(version(id))));
		assertThat(sign.status()).isEqualTo(302);
		assertThat(unread(id)).isZero();
	}

	@Test
	void the_citizens_form_redirects_after_saving_and_a_second_post_makes_no_second_case() {
		Api citizen = Api.browser(this.port);
		String token = UUID.randomUUID().toString();
		String title = "公园厕所无人保洁 " + token.substring(0, 8);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("formToken", token);
		form.put("type", "COMPLAINT");
		form.put("areaUnitCode", "XC-XG-01");
		form.put("title", title);
		form.put("content", "公园东门厕所长期无人保洁。");
		form.put("phone", "13700004444");
		Api.Response first = citizen.form("/public/demands", citizen.get("/public/demands/new").csrf(), form);
		assertThat(first.status()).as(first.body()).isEqualTo(302);
		assertThat(first.header("Location")).endsWith("/public/demands/submitted");
		Api.Response shown = citizen.get("/public/demands/submitted");
		assertThat(shown.body()).contains("id=\"public-number\"");
		assertThat(citizen.get("/public/demands/submitted").header("Location")).as("a reload shows no form result")
			.endsWith("/public/progress");
		Api.Response again = citizen.form("/public/demands", citizen.get("/public/demands/new").csrf(), form);
		assertThat(again.status()).isEqualTo(302);
		assertThat(citizen.get("/public/demands/submitted").body()).contains("没有重复登记");
		assertThat(this.jdbc.sql("select count(*) from cases where title = ?").param(title).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void a_citizen_over_the_submission_limit_gets_the_form_back_with_the_text() {
		java.time.OffsetDateTime day = this.clock.instant()
			.truncatedTo(java.time.temporal.ChronoUnit.DAYS)
			.atOffset(java.time.ZoneOffset.UTC);
		this.jdbc
			.sql("""
					insert into rate_counters (scope, client, span, window_start, hits) values ('submissions', '127.0.0.1', 'd', ?, 100000000)
					on conflict (scope, client, span, window_start) do update set hits = 100000000""")
			.param(day)
			.update();
		try {
			Api citizen = Api.browser(this.port);
			Map<String, String> form = new LinkedHashMap<>();
			form.put("formToken", UUID.randomUUID().toString());
			form.put("type", "COMPLAINT");
			form.put("areaUnitCode", "XC-XG-01");
			form.put("title", "夜市占道经营");
			form.put("content", "夜市摊位占用盲道，行人无法通行。");
			form.put("phone", "13700004445");
			Api.Response refused = citizen.form("/public/demands", citizen.get("/public/demands/new").csrf(), form);
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.body()).contains("夜市摊位占用盲道，行人无法通行。").contains("提交过于频繁");
			assertThat(this.jdbc.sql("select count(*) from cases where title = '夜市占道经营'").query(Long.class).single())
				.isZero();
		}
		finally {
			this.jdbc
				.sql("delete from rate_counters where scope = 'submissions' and client = '127.0.0.1' and span = 'd'")
				.update();
		}
	}

	@Test
	void the_progress_form_posts_and_shows_only_the_citizens_steps() {
		Api operatorApi = Api.basic(this.port, "operator", Demo.PASSWORD);
		JsonNode created = operatorApi
			.post("/api/v1/cases", "{\"kind\":\"DEMAND\",\"type\":\"HELP\",\"channel\":\"PHONE\","
					+ "\"title\":\"井盖松动\",\"content\":\"路口井盖松动有响声。\",\"categoryCode\":\"0103\","
					+ "\"areaUnitCode\":\"DC-HP-02\",\"complainant\":{\"name\":\"市民丁\",\"phone\":\"13700005555\"}}")
			.json();
		long id = created.path("id").asLong();
		Api handler = Api.basic(this.port, "handler", Demo.PASSWORD);
		assertThat(handler.post("/api/v1/cases/" + id + "/actions/sign", "{\"version\":" + version(id) + "}").status())
			.isEqualTo(200);
		Api citizen = Api.browser(this.port);
		String form = citizen.get("/public/progress").body();
		assertThat(form).contains("method=\"post\"");
		Api.Response progress = citizen.form("/public/progress", citizen.get("/public/progress").csrf(),
				Map.of("number", created.path("number").asString(), "queryCode", created.path("queryCode").asString()));
		assertThat(progress.status()).isEqualTo(200);
		assertThat(progress.body()).contains("已受理").contains("已转交办理单位").doesNotContain("签收");
	}

	@Test
	void a_case_address_that_is_not_a_number_is_a_not_found_page_for_a_browser() {
		Api operator = signedIn("operator");
		Api.Response page = operator.get("/cases/abc");
		assertThat(page.status()).as(page.body()).isEqualTo(404);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("没有找到").doesNotContain("case abc");
		assertThat(operator.get("/cases/99999999").body()).contains("没有找到").doesNotContain("case 99999999");
	}

	@Test
	void a_handler_signs_ticked_cases_at_once_and_a_case_that_changed_is_named() {
		long first = demand("垃圾桶破损 甲", "13700006661");
		long second = demand("垃圾桶破损 乙", "13700006662");
		Api handler = signedIn("handler");
		Api.Response list = handler.get("/cases?inbox=TO_SIGN");
		assertThat(list.body()).contains("id=\"bulk-sign\"").contains(first + ":" + version(first));
		Api.Response done = handler.form("/cases/bulk/sign", list.csrf(),
				Map.of("cases", first + ":" + version(first), "inbox", "TO_SIGN"));
		assertThat(done.status()).isEqualTo(302);
		assertThat(status(first)).isEqualTo("HANDLING");
		Api.Response stale = handler.form("/cases/bulk/sign", list.csrf(),
				Map.of("cases", second + ":" + (version(second) + 1)));
		assertThat(stale.status()).isEqualTo(302);
		assertThat(status(second)).isEqualTo("DISPATCHED");
		assertThat(handler.get("/cases").body()).contains("已办理 0 件").contains("已被他人修改");
		assertThat(handler.form("/cases/bulk/close", list.csrf(), Map.of("cases", second + ":1")).status())
			.isEqualTo(404);
	}

	@Test
	void work_lists_filter_by_unit_date_and_overdue_and_name_a_filter_they_cannot_read() {
		long id = demand("共享单车乱停放", "13700006663");
		Api dispatcher = signedIn("dispatcher");
		String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		assertThat(dispatcher.get("/cases?q=&unitCode=DC-HP&from=" + today).body()).contains("共享单车乱停放");
		assertThat(dispatcher.get("/cases?q=&unitCode=XC-XG").body()).doesNotContain("共享单车乱停放");
		Api.Response bad = dispatcher.get("/cases?q=&from=yesterday&unitCode=%27%3B");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("无法识别").contains("受理日期从").contains("承办单位");
		assertThat(dispatcher.get("/cases/export.xlsx?unitCode=DC-HP&overdue=true").status()).isEqualTo(200);
		assertThat(id).isPositive();
	}

	@Test
	void phrases_belong_to_a_unit_and_reach_the_units_below_it() {
		Api handler = signedIn("handler");
		Api.Response blank = handler.form("/phrases", handler.get("/phrases").csrf(),
				Map.of("title", "", "text", "已安排人员处理"));
		assertThat(blank.status()).isEqualTo(200);
		assertThat(blank.body()).contains("field-error").contains("已安排人员处理");
		Api.Response notCityWide = handler.form("/phrases", handler.get("/phrases").csrf(),
				Map.of("title", "越权的全市答复", "text", "街道不能发全市通用语", "cityWide", "true"));
		assertThat(notCityWide.status()).isEqualTo(200);
		assertThat(notCityWide.body()).contains("只有市级管理员").contains("街道不能发全市通用语").contains("越权的全市答复");
		assertThat(handler
			.form("/phrases", handler.get("/phrases").csrf(), Map.of("title", "和平街道答复", "text", "您反映的问题已转社区网格员现场核实。"))
			.status()).isEqualTo(302);
		Api admin = signedIn("admin");
		assertThat(admin
			.form("/phrases", admin.get("/phrases").csrf(),
					Map.of("title", "全市通用答复", "text", "感谢您对城市管理工作的支持。", "cityWide", "true"))
			.status()).isEqualTo(302);
		assertThat(handler.get("/phrases").body()).contains("和平街道答复").contains("全市通用答复");
		String other = signedIn("handler2").get("/phrases").body();
		assertThat(other).contains("全市通用答复").doesNotContain("和平街道答复");
		long cityWide = this.jdbc.sql("select id from reply_phrases where title = '全市通用答复'").query(Long.class).single();
		assertThat(handler.form("/phrases/" + cityWide + "/delete", handler.get("/phrases").csrf(), Map.of()).status())
			.isEqualTo(403);
		long id = demand("垃圾桶破损 丙", "13700006664");
		assertThat(handler.get("/cases/" + id).body()).contains("id=\"phrase-source\"").contains("您反映的问题已转社区网格员现场核实。");
	}

	@Test
	void work_lists_filter_by_category_with_its_children_and_sort_by_a_column_both_ways() {
		long first = demand("井盖缺失排序甲", "13700006671");
		long second = demand("井盖缺失排序乙", "13700006672");
		Api dispatcher = signedIn("dispatcher");
		assertThat(dispatcher.get("/cases?q=井盖缺失排序&categoryCode=01").body()).contains("井盖缺失排序甲").contains("井盖缺失排序乙");
		assertThat(dispatcher.get("/cases?q=井盖缺失排序&categoryCode=02").body()).doesNotContain("井盖缺失排序甲");
		String ascending = dispatcher.get("/cases?q=井盖缺失排序&sort=NUMBER").body();
		String descending = dispatcher.get("/cases?q=井盖缺失排序&sort=NUMBER_DESC").body();
		assertThat(ascending.indexOf("井盖缺失排序甲")).isLessThan(ascending.indexOf("井盖缺失排序乙"));
		assertThat(descending.indexOf("井盖缺失排序甲")).isGreaterThan(descending.indexOf("井盖缺失排序乙"));
		assertThat(ascending).contains("aria-sort=\"ascending\"").contains("sort=NUMBER_DESC");
		Api.Response bad = dispatcher.get("/cases?q=井盖缺失排序&sort=sideways&categoryCode=%27");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("无法识别").contains("排序").contains("分类").contains("井盖缺失排序甲");
		Api operatorApi = Api.basic(this.port, "operator", Demo.PASSWORD);
		JsonNode rows = operatorApi.get(
				"/api/v1/cases?q=%E4%BA%95%E7%9B%96%E7%BC%BA%E5%A4%B1%E6%8E%92%E5%BA%8F&sort=NUMBER_DESC&categoryCode=0104")
			.json()
			.path("items");
		assertThat(rows.get(0).path("id").asLong()).isEqualTo(second);
		assertThat(rows.get(1).path("id").asLong()).isEqualTo(first);
	}

	@Test
	void a_work_list_over_a_street_and_its_communities_pages_in_one_order_and_leaves_out_what_names_the_street() {
		String marker = "并列分页" + UUID.randomUUID().toString().substring(0, 6);
		String[] units = { "DC-HP", "DC-HP-01", "DC-HP-02", "DC-HP-03" };
		java.time.OffsetDateTime base = java.time.OffsetDateTime.now(this.clock).plusDays(3);
		java.util.List<Long> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 13; i++) {
			long id = demand(marker + " " + i, "1370000" + (7000 + i));
			ids.add(id);
			// due times interleave across the four units, with ties and cases without one
			java.time.OffsetDateTime due = (i % 5 == 4) ? null : base.plusHours((i * 7) % 4);
			this.jdbc
				.sql("update cases set status = 'HANDLING', current_due_at = ?,"
						+ " assigned_unit_id = (select id from units where code = ?) where id = ?")
				.params(due, units[i % units.length], id)
				.update();
		}
		long namesTheStreet = ids.get(6);
		this.jdbc.sql("update cases set accused_unit_id = (select id from units where code = 'DC-HP') where id = ?")
			.param(namesTheStreet)
			.update();
		java.util.List<Long> expected = this.jdbc
			.sql("select id from cases where id = any(?) and id <> ? order by current_due_at nulls last, id")
			.params(ids.toArray(Long[]::new), namesTheStreet)
			.query(Long.class)
			.list();
		Api handler = Api.basic(this.port, "handler", Demo.PASSWORD);
		String q = java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8);
		java.util.List<Long> paged = new java.util.ArrayList<>();
		long total = -1;
		for (int page = 0; page < 5; page++) {
			JsonNode answer = handler.get("/api/v1/cases?inbox=HANDLING&size=4&page=" + page + "&q=" + q).json();
			total = answer.path("total").asLong();
			answer.path("items").forEach((item) -> paged.add(item.path("id").asLong()));
		}
		assertThat(paged).containsExactlyElementsOf(expected);
		assertThat(total).isEqualTo(12);
		assertThat(handler.get("/api/v1/cases?inbox=HANDLING&size=50&page=60&q=" + q).json().path("items").size())
			.isZero();
		assertThat(signedIn("handler").get("/cases?inbox=HANDLING&q=" + q).body()).contains(marker + " 0")
			.doesNotContain(marker + " 6<");
	}

	@Test
	void a_work_list_counts_to_a_thousand_and_says_more_rather_than_counting_a_backlog() {
		// pieces of two Latin characters, so that the text filter reads the database:
		// these
		// copies are written without timeline entries, which the case index's candidates
		// rely on
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String marker = "JY-" + tag.substring(0, 2) + "-" + tag.substring(2, 4) + "-" + tag.substring(4, 6);
		long model = demand(marker + " 样本", "13700009001");
		String columns = String.join(", ",
				this.jdbc
					.sql("select column_name from information_schema.columns where table_name = 'cases'"
							+ " and column_name not in ('id', 'number') order by ordinal_position")
					.query(String.class)
					.list());
		// a backlog of 1,005 cases in handling at one community of the handler's street
		this.jdbc
			.sql("insert into cases (number, " + columns + ") select 'T' || ? || g, " + columns
					+ " from cases, generate_series(1, 1005) g where id = ?")
			.params(tag, model)
			.update();
		this.jdbc.sql(
				"update cases set status = 'HANDLING', assigned_unit_id = (select id from units where code = 'DC-HP-02')"
						+ " where title like ?")
			.param(marker + "%")
			.update();
		Api handler = Api.basic(this.port, "handler", Demo.PASSWORD);
		String q = java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(handler.get("/api/v1/cases?inbox=HANDLING&size=10&q=" + q).json().path("total").asLong())
			.as("a work list's count stops after 1,000")
			.isEqualTo(1001);
		Api dispatcher = Api.basic(this.port, "dispatcher", Demo.PASSWORD);
		assertThat(dispatcher.get("/api/v1/cases?size=10&q=" + q).json().path("total").asLong())
			.as("a text the database must read for is counted to 1,000 too")
			.isEqualTo(1001);
		assertThat(
				dispatcher.get("/api/v1/cases?size=10&status=HANDLING&unitCode=DC-HP-02").json().path("total").asLong())
			.as("other searches count on")
			.isGreaterThanOrEqualTo(1006)
			.isLessThanOrEqualTo(10_001);
		assertThat(signedIn("handler").get("/cases?inbox=HANDLING&q=" + q).body()).contains("共 1000+ 条");
		this.jdbc
			.sql("update cases set current_due_at = now() - interval '1 day' where title like ? and number like 'T%'")
			.param(marker + "%")
			.update();
		assertThat(Api.basic(this.port, "dcleader", Demo.PASSWORD)
			.get("/api/v1/leaders/hpleader/desk")
			.json()
			.path("overdueCaseCount")
			.asLong()).as("another leader's desk counts its overdue cases as far as the leader's own").isEqualTo(1001);
		this.jdbc.sql("delete from cases where title like ? and number like 'T%'").param(marker + "%").update();
	}

	private long demand(String title, String phone) {
		Api operatorApi = Api.basic(this.port, "operator", Demo.PASSWORD);
		return operatorApi
			.post("/api/v1/cases", "{\"kind\":\"DEMAND\",\"type\":\"COMPLAINT\",\"channel\":\"PHONE\",\"title\":\""
					+ title + "\",\"content\":\"" + title + "，请处理。\",\"categoryCode\":\"0104\","
					+ "\"areaUnitCode\":\"DC-HP-02\",\"complainant\":{\"name\":\"市民\",\"phone\":\"" + phone + "\"}}")
			.json()
			.path("id")
			.asLong();
	}

	private String status(long caseId) {
		return this.jdbc.sql("select status from cases where id = ?").param(caseId).query(String.class).single();
	}

	private Map<String, String> console(String title, String category, String area, String phone, String token) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("formToken", token);
		form.put("kind", "DEMAND");
		form.put("type", "COMPLAINT");
		form.put("channel", "PHONE");
		form.put("categoryCode", category);
		form.put("areaUnitCode", area);
		form.put("complainant.name", "市民");
		form.put("complainant.phone", phone);
		form.put("title", title);
		form.put("content", title + "，请处理。");
		return form;
	}

	private Api signedIn(String username) {
		Api api = Api.browser(this.port);
		assertThat(api.formLogin(username, Demo.PASSWORD)).doesNotContain("error");
		return api;
	}

	private long unread(long caseId) {
		return this.jdbc
			.sql("select count(*) from notifications where case_id = ? and read_at is null "
					+ "and unit_id = (select id from units where code = 'DC-HP')")
			.param(caseId)
			.query(Long.class)
			.single();
	}

	private int version(long caseId) {
		return this.jdbc.sql("select version from cases where id = ?").param(caseId).query(Integer.class).single();
	}

}
