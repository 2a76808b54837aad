package org.yixian.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.yixian.testing.Api;
import org.yixian.testing.BrowserTest;
import org.yixian.testing.Demo;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Metrics in headless Chromium, as the city's leader: the dashboard with its charts, a
 * figure drilled down to its cases, the scorecard with the 红黑榜, the map with no tile
 * server (outlines and circles on a blank background), and the dashboard at phone width.
 * Screenshots go to {@code target/screenshots}.
 */
class MetricsBrowserIT extends BrowserTest {

	@Test
	void a_leader_reads_the_dashboard_drills_down_ranks_streets_and_sees_the_map_without_tiles() throws Exception {
		List<String> numbers = worked();
		Api leader = Api.basic(this.port, "leader", Demo.PASSWORD);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> leader.get("/api/v1/metrics/rates?unitCode=DC-HP").json().path("visited").asLong() >= 2);

		signIn("leader");
		open("/metrics");
		waitFor(By.cssSelector("#trend svg"));
		waitFor(By.cssSelector("#ranking-chart svg"));
		assertThat(browser.findElement(By.id("demand-tiles")).getText()).contains("响应率", "解决率", "满意率", "当前超期");
		shot("90-metrics-dashboard");

		open("/metrics?unitCode=DC-HP");
		waitFor(By.cssSelector("#demand-tiles"));
		List<WebElement> tiles = browser.findElements(By.cssSelector("#demand-tiles a.metric-tile"));
		tiles.get(1).click();
		waitFor(By.id("drill-down"));
		String table = browser.findElement(By.id("drill-down")).getText();
		assertThat(numbers).allMatch(table::contains);
		shot("91-metrics-drill-down");

		open("/metrics/scorecard?unitKind=STREET");
		waitFor(By.id("scorecard"));
		assertThat(browser.findElement(By.id("board")).getText()).contains("红榜", "黑榜", "和平街道");
		assertThat(browser.findElement(By.id("scorecard")).getText()).contains("和平街道", "建设街道");
		shot("92-metrics-scorecard");

		open("/metrics/map");
		waitFor(By.cssSelector("#case-map[data-ready='true']"));
		assertThat(browser.findElements(By.cssSelector("#case-map path.leaflet-interactive")).size()).isGreaterThan(20);
		assertThat(browser.findElements(By.cssSelector("#case-map img.leaflet-tile"))).isEmpty();
		assertThat(browser.findElement(By.id("areas")).getText()).contains("和平里社区");
		shot("93-metrics-map-without-tiles");

		Dimension desktop = browser.manage().window().getSize();
		try {
			browser.manage().window().setSize(new Dimension(390, 844));
			open("/metrics");
			waitFor(By.cssSelector("#trend svg"));
			shot("94-metrics-dashboard-phone");
		}
		finally {
			browser.manage().window().setSize(desktop);
		}
	}

	/**
	 * Three demands in 和平街道 taken to a return visit (one partly resolved).
	 */
	private List<String> worked() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		Api dispatcher = Api.basic(this.port, "dispatcher", Demo.PASSWORD);
		Api handler = Api.basic(this.port, "handler", Demo.PASSWORD);
		List<String> numbers = new ArrayList<>();
		String[][] answers = { { "RESOLVED", "SATISFIED" }, { "PARTLY", "BASICALLY" }, { "RESOLVED", "SATISFIED" } };
		for (int i = 0; i < answers.length; i++) {
			JsonNode created = operator
				.post("/api/v1/cases",
						"""
								{"kind":"DEMAND","type":"COMPLAINT","channel":"PHONE","title":"小区路灯损坏%d","content":"小区路灯损坏，夜间出行不便。",
								 "categoryCode":"0102","areaUnitCode":"DC-HP-0%d","complainant":{"phone":"1390000555%d"}}"""
							.formatted(i, i + 1, i))
				.json();
			long id = created.path("id").asLong();
			numbers.add(created.path("number").asString());
			act(handler, dispatcher, id, "sign", "");
			act(handler, dispatcher, id, "reply", "\"result\":\"RESOLVED\",\"text\":\"已更换灯具\"");
			act(dispatcher, dispatcher, id, "review-reply", "\"approve\":true");
			act(operator, dispatcher, id, "return-visit",
					"\"resolved\":\"" + answers[i][0] + "\",\"satisfaction\":\"" + answers[i][1] + "\"");
		}
		return numbers;
	}

	private static void act(Api who, Api reader, long id, String action, String fields) {
		int version = reader.get("/api/v1/cases/" + id).json().path("version").asInt();
		Api.Response response = who.post("/api/v1/cases/" + id + "/actions/" + action,
				"{\"version\":" + version + (fields.isEmpty() ? "" : "," + fields) + "}");
		assertThat(response.status()).as(action + " " + response.body()).isEqualTo(200);
	}

}
