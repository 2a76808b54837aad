package org.yixian.insight;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.yixian.testing.Api;
import org.yixian.testing.BrowserTest;
import org.yixian.testing.Demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Insight in headless Chromium: the hints while an operator types a call (suggested
 * categories that fill the field, possible repeats), similar cases on a case page, and
 * for an analyst and a leader the problem classes, a class with its chart, a dossier, the
 * 每月一题 board and the warnings on the workbench. Screenshots go to
 * {@code target/screenshots}.
 */
class InsightBrowserIT extends BrowserTest {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Test
	void the_operator_sees_hints_while_typing_and_analysts_and_leaders_see_classes_warnings_and_dossiers()
			throws Exception {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		Api analyst = Api.basic(this.port, "analyst", Demo.PASSWORD);
		Map<String, Long> fixtures = new InsightCases(operator).fixtures("");
		long run = analyst.post("/api/v1/insight/models/train", "").json().path("runId").asLong();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "DONE"
				.equals(analyst.get("/api/v1/insight/training-runs/" + run).json().path("status").asString()));
		long classId = spikeClass(operator, analyst);

		signIn("operator");
		open("/cases/new");
		browser.findElement(By.id("areaUnitCode")).sendKeys("DC-HP-01");
		browser.findElement(By.id("title")).sendKeys("工地晚上打桩噪音太大");
		browser.findElement(By.id("content")).sendKeys("小区旁边工地每天夜里十一点以后还在施工打桩，噪音吵得老人孩子睡不着觉。");
		waitFor(By.cssSelector("#insight-hints [data-fill-category]"));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((d) -> !d.findElements(By.cssSelector("#insight-hints .similar-list li")).isEmpty());
		String hints = browser.findElement(By.id("insight-hints")).getText();
		assertThat(hints).contains("噪声污染", "工地夜间施工噪音扰民");
		script("document.getElementById('title').scrollIntoView({block: 'start'})");
		shot("80-insight-intake-hints");
		browser.findElement(By.cssSelector("#insight-hints [data-fill-category='0701']")).click();
		assertThat(browser.findElement(By.id("categoryCode")).getAttribute("value")).isEqualTo("0701");

		open("/cases/" + fixtures.get("物业不作为电梯经常坏"));
		waitFor(By.cssSelector("#similar-cases"));
		assertThat(browser.findElement(By.id("similar-cases")).getText()).contains("相似工单");
		shot("81-insight-case-similar");

		signIn("analyst");
		open("/insight");
		waitForTitle("问题分析");
		assertThat(browser.findElement(By.id("insight-warnings")).getText()).contains("占道经营", "东风街道");
		shot("82-insight-overview");
		open("/insight/classes/" + classId);
		waitFor(By.cssSelector("#class-chart svg"));
		assertThat(browser.findElement(By.id("class-total")).getText()).isEqualTo("6");
		shot("83-insight-class");
		browser.findElement(By.id("dossier-title")).sendKeys("早市占道经营整治");
		browser.findElement(By.id("rootCause")).sendKeys("早市没有固定场地，摊贩只能占道");
		script("document.getElementById('measuresFrom').value = '" + LocalDate.now(ZONE).minusDays(4) + "'");
		submit(By.cssSelector("form[action$='/dossiers'] button[type=submit]"));
		waitFor(By.id("before-after"));
		assertThat(browser.findElement(By.id("before-after")).getText()).contains("生效");
		shot("84-insight-dossier");
		open("/insight/board");
		assertThat(browser.findElement(By.id("themes")).getText()).contains("东风街道占道经营");
		shot("85-insight-board");
		open("/insight/model");
		assertThat(browser.findElement(By.id("macro-f1")).getText()).matches("0\\.\\d+|1\\.0");
		shot("86-insight-model");

		signIn("leader");
		open("/");
		waitFor(By.cssSelector("#insight-warnings li"));
		shot("87-insight-leader-warnings");
	}

	private static void script(String code) {
		((JavascriptExecutor) browser).executeScript(code);
	}

	/**
	 * A class of street-vending cases in 东风街道: one ten days ago, five in the last week.
	 */
	private long spikeClass(Api operator, Api analyst) {
		InsightCases cases = new InsightCases(operator);
		List<Long> ids = new ArrayList<>();
		for (int day : List.of(10, 6, 4, 3, 2, 1)) {
			String at = LocalDate.now(ZONE)
				.minusDays(day)
				.atTime(LocalTime.of(9, 30))
				.atZone(ZONE)
				.toOffsetDateTime()
				.toString();
			ids.add(cases.demand("早市摊贩占道经营" + day, "东风路早市的摊贩占道经营，早上车辆和行人都过不去。", "0104",
					(day % 2 == 0) ? "DC-DF-01" : "DC-DF-02", null, "\"receivedAt\":\"" + at + "\""));
		}
		JsonNode created = analyst.post("/api/v1/problem-classes", "{\"title\":\"东风街道占道经营\",\"caseIds\":" + ids + "}")
			.json();
		return created.path("id").asLong();
	}

}
