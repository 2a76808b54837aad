package org.yixian.insight;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Category suggestion learned from the installation's own cases, over the API.
 */
@WebTest
class CategorySuggestionTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_model_trained_on_demand_suggests_categories_with_confidence_and_words_and_learns_corrections() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		Api analyst = Api.basic(this.port, "analyst", Demo.PASSWORD);
		new InsightCases(operator).fixturesOnce();
		assertThat(operator.post("/api/v1/insight/models/train", "").status()).isEqualTo(403);
		Api.Response started = analyst.post("/api/v1/insight/models/train", "");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		long run = started.json().path("runId").asLong();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			JsonNode progress = analyst.get("/api/v1/insight/training-runs/" + run).json();
			assertThat(progress.path("status").asString()).as(progress.toString()).isEqualTo("DONE");
		});
		JsonNode model = analyst.get("/api/v1/insight/models").json().get(0);
		assertThat(model.path("active").asBoolean()).isTrue();
		assertThat(model.path("evaluation").path("macroF1").asDouble()).isBetween(0.3, 1.0);
		assertThat(model.path("evaluation").path("classes").size()).isGreaterThanOrEqualTo(8);

		String title = "楼下工地半夜还在打桩";
		String content = "晚上十二点了工地还在施工，噪音吵得全楼的人睡不着，请来查处。";
		JsonNode answer = operator.post("/api/v1/insight/suggest-category", """
				{"title":"%s","content":"%s"}""".formatted(title, content)).json();
		JsonNode best = answer.path("suggestions").get(0);
		assertThat(best.path("categoryCode").asString()).isEqualTo("0701");
		assertThat(best.path("categoryName").asString()).isEqualTo("噪声污染");
		assertThat(best.path("confidence").asDouble())
			.isGreaterThan(answer.path("suggestions").get(1).path("confidence").asDouble());
		assertThat(best.path("terms").toString()).containsAnyOf("噪音", "施工", "工地");

		long corrected = new InsightCases(operator).demand(title, content, "0105", "DC-HP-01", "13512345678");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.sql("select accepted from insight_suggestions where case_id = ?")
				.param(corrected)
				.query(Boolean.class)
				.optional()).contains(false));

		Api.Response blank = operator.post("/api/v1/insight/suggest-category", "{\"title\":\" \",\"content\":\"\"}");
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.errorFields()).containsExactly("content");
	}

}
