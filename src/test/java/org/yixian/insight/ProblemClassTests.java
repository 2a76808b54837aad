package org.yixian.insight;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Problem classes, early warnings, dossiers and the 每月一题 board over the API, on cases
 * registered with their real (earlier) time of receipt.
 */
@WebTest
class ProblemClassTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	Api operator;

	Api analyst;

	InsightCases cases;

	@BeforeEach
	void people() {
		this.operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		this.analyst = Api.basic(this.port, "analyst", Demo.PASSWORD);
		this.cases = new InsightCases(this.operator);
	}

	/**
	 * A case received at ten in the morning a number of days ago.
	 */
	private long daysAgo(int days, String marker, String area) {
		String at = LocalDate.now(ZONE)
			.minusDays(days)
			.atTime(LocalTime.of(10, 0))
			.atZone(ZONE)
			.toOffsetDateTime()
			.toString();
		return this.cases.demand("菜市场门口占道经营" + marker + "-" + days, "菜市场门口的流动摊贩占道经营，早上堵得车辆行人无法通行" + marker, "0104",
				area, null, "\"receivedAt\":\"" + at + "\"");
	}

	private JsonNode classOf(String title, List<Long> ids) {
		Api.Response created = this.analyst.post("/api/v1/problem-classes",
				"{\"title\":\"%s\",\"caseIds\":%s}".formatted(title, ids.toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	@Test
	void a_class_doubling_week_on_week_in_one_street_raises_a_warning() {
		String marker = "W" + System.nanoTime() % 100000;
		List<Long> ids = new ArrayList<>();
		ids.add(daysAgo(10, marker, "DC-DF-01"));
		for (int day : List.of(1, 2, 3, 5)) {
			ids.add(daysAgo(day, marker, (day % 2 == 0) ? "DC-DF-02" : "DC-DF-03"));
		}
		ids.add(daysAgo(2, marker, "XC-WH-01"));
		long id = classOf("东风街道占道经营" + marker, ids).path("id").asLong();
		JsonNode warnings = this.analyst.get("/api/v1/insight/warnings").json();
		JsonNode street = null;
		JsonNode whole = null;
		for (JsonNode w : warnings) {
			if (w.path("classId").asLong() == id && "DC-DF".equals(w.path("streetCode").asString())) {
				street = w;
			}
			if (w.path("classId").asLong() == id && w.path("streetCode").isNull()) {
				whole = w;
			}
		}
		assertThat(street).as(warnings.toString()).isNotNull();
		assertThat(street.path("streetName").asString()).isEqualTo("东风街道");
		assertThat(street.path("current").asLong()).isEqualTo(4);
		assertThat(street.path("previous").asLong()).isEqualTo(1);
		assertThat(street.path("ratio").asDouble()).isEqualTo(4.0);
		assertThat(street.path("level").asString()).isEqualTo("HIGH");
		assertThat(whole.path("current").asLong()).isEqualTo(5);
		assertThat(warnings.toString()).doesNotContain("\"streetCode\":\"XC-WH\",\"current\":1");
		JsonNode lastWeek = this.analyst.get("/api/v1/insight/warnings?on=" + LocalDate.now(ZONE).minusDays(7)).json();
		assertThat(lastWeek.toString()).doesNotContain("\"classId\":" + id + ",");
	}

	@Test
	void a_dossier_shows_the_class_volume_in_equal_windows_before_and_after_its_measures() {
		String marker = "D" + System.nanoTime() % 100000;
		List<Long> ids = new ArrayList<>();
		for (int day : List.of(27, 25, 22, 20, 18, 15)) {
			ids.add(daysAgo(day, marker, "DC-JS-01"));
		}
		for (int day : List.of(9, 3)) {
			ids.add(daysAgo(day, marker, "DC-JS-02"));
		}
		ids.add(daysAgo(40, marker, "DC-JS-01"));
		long id = classOf("建设街道占道经营" + marker, ids).path("id").asLong();
		LocalDate from = LocalDate.now(ZONE).minusDays(14);
		Api.Response created = this.analyst.post("/api/v1/problem-classes/" + id + "/dossiers", """
				{"title":"菜市场占道经营整治","rootCause":"市场摊位不足，早市无固定场地","lessons":"举一反三：排查全区早市","measuresFrom":"%s"}"""
			.formatted(from));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode figures = created.json().path("figures");
		assertThat(figures.path("days").asInt()).isEqualTo(14);
		assertThat(figures.path("before").asLong()).isEqualTo(6);
		assertThat(figures.path("after").asLong()).isEqualTo(2);
		assertThat(figures.path("beforePerWeek").asDouble()).isEqualTo(3.0);
		assertThat(figures.path("afterPerWeek").asDouble()).isEqualTo(1.0);
		assertThat(figures.path("changePercent").asLong()).isEqualTo(-67);

		long dossier = created.json().path("dossier").path("id").asLong();
		Api.Response measure = this.analyst.post("/api/v1/dossiers/" + dossier + "/measures", """
				{"text":"开辟临时早市疏导点","ownerUnitCode":"DC-JS","dueDate":"%s"}"""
			.formatted(LocalDate.now(ZONE).plusDays(10)));
		assertThat(measure.status()).as(measure.body()).isEqualTo(201);
		Api.Response noOwner = this.analyst.post("/api/v1/dossiers/" + dossier + "/measures", """
				{"text":"x","ownerUnitCode":"NOPE","dueDate":"2030-01-01"}""");
		assertThat(noOwner.status()).isEqualTo(422);
		assertThat(noOwner.errorFields()).containsExactly("ownerUnitCode");
		long measureId = measure.json().path("id").asLong();
		Api handler2 = Api.basic(this.port, "handler2", Demo.PASSWORD);
		assertThat(handler2
			.post("/api/v1/dossiers/" + dossier + "/measures/" + measureId + "/complete",
					"{\"version\":0,\"evidence\":\"x\"}")
			.status()).isEqualTo(403);
		JsonNode done = this.analyst
			.post("/api/v1/dossiers/" + dossier + "/measures/" + measureId + "/complete",
					"{\"version\":0,\"evidence\":\"疏导点已启用\"}")
			.json();
		assertThat(done.path("measures").get(0).path("status").asString()).isEqualTo("DONE");
	}

	@Test
	void classes_are_listed_by_volume_with_their_cases_and_analysts_rename_confirm_and_merge_them() {
		String marker = "L" + System.nanoTime() % 100000;
		List<Long> first = List.of(daysAgo(3, marker, "XC-XH-01"), daysAgo(2, marker, "XC-XH-02"),
				daysAgo(1, marker, "XC-XH-03"));
		List<Long> second = List.of(daysAgo(4, marker + "b", "XC-XH-01"), daysAgo(1, marker + "b", "XC-XH-01"));
		JsonNode a = classOf("新华街道占道A" + marker, first);
		JsonNode b = classOf("新华街道占道B" + marker, second);
		String from = LocalDate.now(ZONE).minusDays(6).toString();
		JsonNode listed = this.analyst.get("/api/v1/problem-classes?from=" + from + "&areaUnitCode=XC-XH").json();
		JsonNode mine = find(listed, a.path("id").asLong());
		assertThat(mine.path("volume").asLong()).isEqualTo(3);
		assertThat(mine.path("title").asString()).isEqualTo("新华街道占道A" + marker);
		assertThat(mine.path("terms").size()).isPositive();
		assertThat(mine.path("cases").size()).isEqualTo(3);
		assertThat(mine.path("cases").get(0).path("number").asString()).isNotBlank();
		assertThat(this.analyst.get("/api/v1/problem-classes?areaUnitCode=NOPE").errorFields())
			.containsExactly("areaUnitCode");
		assertThat(Api.basic(this.port, "handler", Demo.PASSWORD).get("/api/v1/problem-classes?from=" + from).body())
			.as("西城 is outside 和平街道's scope")
			.doesNotContain(marker);

		long bId = b.path("id").asLong();
		assertThat(this.analyst.post("/api/v1/problem-classes/" + bId + "/rename", "{\"version\":5,\"title\":\"x\"}")
			.status()).isEqualTo(409);
		JsonNode renamed = this.analyst
			.post("/api/v1/problem-classes/" + bId + "/rename", "{\"version\":0,\"title\":\"新华街道早市占道\"}")
			.json();
		assertThat(renamed.path("title").asString()).isEqualTo("新华街道早市占道");
		assertThat(this.operator.post("/api/v1/problem-classes/" + bId + "/confirm", "{\"version\":1}").status())
			.isEqualTo(403);
		assertThat(this.analyst.post("/api/v1/problem-classes/" + bId + "/confirm", "{\"version\":1}")
			.json()
			.path("status")
			.asString()).isEqualTo("CONFIRMED");
		JsonNode merged = this.analyst
			.post("/api/v1/problem-classes/" + bId + "/merge",
					"{\"version\":2,\"intoId\":" + a.path("id").asLong() + "}")
			.json();
		assertThat(merged.path("members").asInt()).isEqualTo(5);
		JsonNode after = this.analyst.get("/api/v1/problem-classes?from=" + from + "&areaUnitCode=XC-XH").json();
		assertThat(find(after, a.path("id").asLong()).path("volume").asLong()).isEqualTo(5);
		assertThat(find(after, bId)).isNull();

		JsonNode board = this.analyst.get("/api/v1/insight/monthly-themes").json();
		assertThat(board.toString()).contains("新华街道占道A" + marker);
		assertThat(this.analyst.get("/api/v1/insight/monthly-themes?month=2026-13").errorFields())
			.containsExactly("month");
	}

	@Test
	void clustering_proposes_classes_of_the_same_problem_and_new_cases_join_them_online() {
		String marker = "·" + System.nanoTime() % 100000;
		this.cases.fixtures(marker);
		JsonNode result = this.analyst.post("/api/v1/problem-classes/recluster", "").json();
		assertThat(result.path("created").asInt()).as(result.toString()).isPositive();
		JsonNode listed = this.analyst.get("/api/v1/problem-classes").json();
		JsonNode wages = null;
		for (JsonNode k : listed) {
			long unpaid = 0;
			for (JsonNode c : k.path("cases")) {
				if (c.path("title").asString().contains(marker)
						&& c.path("title").asString().matches(".*(欠薪|工资|工钱).*")) {
					unpaid++;
				}
			}
			if (unpaid >= 3) {
				wages = k;
			}
		}
		assertThat(wages).as(listed.toString()).isNotNull();
		assertThat(wages.path("terms").toString()).containsAnyOf("工资", "拖欠", "欠薪");
		long joining = this.cases.demand("物流公司拖欠工资" + marker, "物流公司拖欠我们司机两个月的工资不发，老板一直推脱，请劳动监察部门帮忙讨薪。", "0201",
				"DC-HP-01", null);
		long classId = wages.path("id").asLong();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode detail = this.analyst.get("/api/v1/problem-classes/" + classId).json();
			assertThat(detail.path("examples").toString()).contains(Long.toString(joining));
		});
	}

	private static JsonNode find(JsonNode list, long id) {
		for (JsonNode k : list) {
			if (k.path("id").asLong() == id) {
				return k;
			}
		}
		return null;
	}

}
