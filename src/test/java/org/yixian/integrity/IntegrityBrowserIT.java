package org.yixian.integrity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.yixian.testing.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integrity in headless Chromium: a supervisor reads flags with their evidence, filters
 * them and confirms one with a note; a city administrator starts verify-audit and follows
 * it to its end. Screenshots 95–97 go to {@code target/screenshots}.
 */
class IntegrityBrowserIT extends BrowserTest {

	@Test
	void a_supervisor_reviews_flags_and_an_administrator_verifies_the_chains() throws Exception {
		IntegrityCases c = new IntegrityCases(this.port);
		String yesterday = Instant.now().minus(26, ChronoUnit.HOURS).toString();
		long late = c.complaint("小区门口路灯不亮倒填", "\"receivedAt\":\"" + yesterday + "\"").path("id").asLong();
		long weak = c.complaint("小区物业乱收停车费答复", null).path("id").asLong();
		c.act(c.handler, weak, "sign", "");
		c.act(c.handler, weak, "reply", "\"result\":\"RESOLVED\",\"text\":\"已处理。\"");
		long flagId = c.awaitFlag("BACKDATED", late).path("id").asLong();
		c.awaitFlag("WEAK_REPLY", weak);

		signIn("supervisor");
		open("/integrity/flags?status=OPEN");
		waitForTitle("异常预警");
		browser.findElement(By.cssSelector("#flag-" + flagId + " details summary")).click();
		assertThat(browser.findElement(By.id("flag-" + flagId)).getText()).contains("倒填时间", "register", "1 天");
		script("document.getElementById('flag-" + flagId + "').scrollIntoView({block: 'center'})");
		shot("95-integrity-flags");

		browser.findElement(By.cssSelector("#flag-" + flagId + " input[name=note]")).sendKeys("经核实系事后补录，已提醒登记员");
		submit(By.cssSelector("#flag-" + flagId + " button[value=CONFIRMED]"));
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("已确认");
		open("/integrity/flags?status=CONFIRMED&kind=BACKDATED");
		assertThat(browser.findElement(By.id("flag-" + flagId)).getText()).contains("属实", "经核实系事后补录");

		signIn("admin");
		open("/admin/integrity/verify");
		waitForTitle("完整性校验");
		submit(By.cssSelector("form[action$='/admin/integrity/verify'] button[type=submit]"));
		new WebDriverWait(browser, Duration.ofSeconds(60))
			.until((d) -> !d.findElements(By.cssSelector(".verify-run .badge.ok")).isEmpty());
		assertThat(browser.findElement(By.cssSelector(".verify-run")).getText()).contains("完整", "100%");
		shot("96-integrity-verify");
	}

	private static void script(String js) {
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript(js);
	}

}
