package org.yixian.insight;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Similar and duplicate cases over the API, against the index the case events keep
 * current.
 */
@WebTest
class SimilarCasesTests {

	static final String ORIGINAL = "幸福小区北门旁边的垃圾中转站已经三个月没有清洗，夏天臭气熏天，蚊蝇乱飞。垃圾经常堆到路边，清运车每天下午才来一次。"
			+ "附近住着很多老人和孩子，开窗就闻到臭味。请环卫部门增加清运次数并定期消毒。";

	static final String REORDERED = "附近住着很多老人和孩子，开窗就闻到臭味。垃圾经常堆到路边，清运车每天下午才来一次。"
			+ "请环卫部门增加清运次数并定期消毒。幸福小区北门旁边的垃圾中转站已经三个月没有清洗，夏天臭气熏天，蚊蝇乱飞。";

	static final String REWORDED = "幸福小区北门附近的垃圾站三个多月没冲洗，天热以后臭味冲天，苍蝇蚊子很多。垃圾常常堆在马路边，清运车一天只在下午来一趟。"
			+ "周边老人小孩多，打开窗户就是臭味。希望环卫所多清运几次，定期消毒。";

	static final String CUT_SHORT = "幸福小区北门旁边的垃圾中转站已经三个月没有清洗，夏天臭气熏天，蚊蝇乱飞。";

	@LocalServerPort
	int port;

	Api operator;

	InsightCases cases;

	@BeforeEach
	void people() {
		this.operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		this.cases = new InsightCases(this.operator);
	}

	@Test
	void reordered_reworded_and_cut_short_repeats_are_found_in_the_top_five_with_their_reasons() {
		String marker = "·" + System.nanoTime() % 100000;
		this.cases.fixturesOnce();
		long original = this.cases.demand("幸福小区北门垃圾站臭气熏天" + marker, ORIGINAL, "0704", "DC-HP-02", "13911112222");
		long reordered = this.cases.demand("北门垃圾中转站臭味严重" + marker, REORDERED, "0704", "DC-HP-02", "13700001111");
		long reworded = this.cases.demand("小区垃圾站太臭了" + marker, REWORDED, "0704", "DC-HP-02", "13911112222");
		long cutShort = this.cases.demand("幸福小区垃圾站" + marker, CUT_SHORT, null, "DC-JS-02", null);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode hits = similar(original, 10);
			for (long repeat : List.of(reordered, reworded, cutShort)) {
				assertThat(InsightCases.contains(hits, repeat, 5)).as("%s in %s", repeat, hits).isTrue();
			}
		});
		for (long repeat : List.of(reordered, reworded, cutShort)) {
			assertThat(InsightCases.contains(similar(repeat, 5), original, 5)).as("original from %s", repeat).isTrue();
		}
		JsonNode hits = similar(original, 10);
		JsonNode best = hits.get(0);
		assertThat(best.path("number").asString()).isNotBlank();
		assertThat(best.path("title").asString()).contains(marker);
		assertThat(best.path("score").asDouble()).isBetween(0.5, 1.0);
		for (JsonNode hit : hits) {
			if (hit.path("id").asLong() == reworded) {
				assertThat(hit.path("reasons").toString()).contains("SAME_CALLER", "SAME_PLACE", "SAME_CATEGORY",
						"RECENT");
			}
			if (hit.path("id").asLong() == reordered) {
				assertThat(hit.path("reasons").toString()).contains("SIMILAR_TEXT");
				assertThat(hit.path("textSimilarity").asDouble()).as("the titles differ").isGreaterThan(0.8);
			}
		}
		for (int i = 1; i < hits.size(); i++) {
			assertThat(hits.get(i).path("score").asDouble())
				.isLessThanOrEqualTo(hits.get(i - 1).path("score").asDouble());
		}
	}

	@Test
	void a_case_complaining_about_a_unit_is_never_offered_as_similar_to_anyone_inside_that_unit() {
		String marker = "·" + System.nanoTime() % 100000;
		String text = "和平里社区物业公司长期占用小区消防通道停放自己的车辆，还在通道上堆放杂物，消防车根本进不来，多次反映没人管。";
		Api dispatcher = Api.basic(this.port, "dispatcher", Demo.PASSWORD);
		Api handler = Api.basic(this.port, "handler", Demo.PASSWORD);
		long own = this.cases.demand("物业占用消防通道" + marker, text, "0102", "DC-HP-01", "13600000001");
		long complaint = this.cases.demand("投诉街道包庇物业占用消防通道" + marker, text + "街道办接到反映后一直不处理。", "0102", "DC-HP-01",
				"13600000002", "\"accusedUnitCode\":\"DC-HP\"");
		Api office = Api.basic(this.port, "petition", Demo.PASSWORD);
		long accusing = petition(office, "举报街道干部包庇物业" + marker, text + "举报和平街道干部收受物业好处。", "13900007777",
				"\"accusedUnitCode\":\"DC-HP\"");
		long plain = petition(office, "物业占用消防通道信访" + marker, text, "13900006666", null);
		JsonNode transferred = office
			.post("/api/v1/cases/" + plain + "/actions/transfer",
					"{\"version\":" + office.get("/api/v1/cases/" + plain).json().path("version").asInt()
							+ ",\"unitCode\":\"DC-HP\"}")
			.json();
		assertThat(transferred.path("status").asString()).isEqualTo("TRANSFERRED");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(InsightCases.contains(get(dispatcher, own), complaint, 10)).as("the hotline sees the complaint")
				.isTrue();
			assertThat(InsightCases.contains(get(office, plain), accusing, 10)).as("the office sees the accusation")
				.isTrue();
		});
		JsonNode handlersOwn = get(handler, own);
		assertThat(InsightCases.contains(handlersOwn, complaint, handlersOwn.size())).isFalse();
		assertThat(handlersOwn.toString()).doesNotContain("包庇");
		assertThat(get(handler, plain).toString()).doesNotContain("举报街道干部");
		assertThat(handler.get("/api/v1/cases/" + complaint + "/similar").status()).isEqualTo(404);
		assertThat(handler.get("/api/v1/cases/" + accusing + "/similar").status()).isEqualTo(404);
	}

	private long petition(Api office, String title, String content, String phone, String extra) {
		Api.Response created = office.post("/api/v1/cases", """
				{"kind":"PETITION","petitionClass":"ACCUSATION","channel":"LETTER","title":"%s","content":"%s",
				 "categoryCode":"0102","areaUnitCode":"DC-HP-01","complainant":{"name":"钱多多","phone":"%s"}%s}"""
			.formatted(title, content, phone, (extra == null) ? "" : "," + extra));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static JsonNode get(Api who, long id) {
		Api.Response response = who.get("/api/v1/cases/" + id + "/similar?limit=20");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	@Test
	void a_bad_limit_is_refused_naming_the_field_and_an_unknown_case_is_not_found() {
		Api.Response refused = this.operator.get("/api/v1/cases/1/similar?limit=0");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.errorFields()).containsExactly("limit");
		assertThat(this.operator.get("/api/v1/cases/99999999/similar").status()).isEqualTo(404);
		assertThat(Api.anonymous(this.port).get("/api/v1/cases/1/similar").status()).isEqualTo(401);
	}

	private JsonNode similar(long id, int limit) {
		Api.Response response = this.operator.get("/api/v1/cases/" + id + "/similar?limit=" + limit);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

}
