package org.yixian.portal;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.yixian.testing.Demo;
import org.yixian.testing.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's main flow in headless Chromium (Debian's chromium and
 * chromedriver), with a screenshot of every page under {@code target/screenshots}.
 */
class BrowserIT extends BrowserTest {

	@Test
	void an_administrator_signs_in_creates_a_unit_and_a_user_and_checks_the_log() throws Exception {
		open("/login");
		assertThat(browser.getPageSource()).contains("演示账号");
		shot("01-login");
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitForTitle("工作台");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("系统管理员");
		shot("02-home");

		open("/admin/units");
		browser.findElement(By.id("code")).sendKeys("XC-XH-09");
		browser.findElement(By.id("name")).sendKeys("浏览器社区");
		new Select(browser.findElement(By.id("kind"))).selectByValue("COMMUNITY");
		new Select(browser.findElement(By.id("parentCode"))).selectByValue("XC-XH");
		shot("03-units");
		browser.findElement(By.cssSelector("aside form button[type=submit]")).click();
		waitForTitle("浏览器社区");
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("已创建单位");
		shot("04-unit-created");

		open("/admin/units");
		browser.findElement(By.id("code")).sendKeys("bad code");
		browser.findElement(By.cssSelector("aside form button[type=submit]")).click();
		assertThat(browser.findElements(By.cssSelector(".field-error"))).isNotEmpty();
		shot("05-unit-form-errors");

		open("/admin/users");
		browser.findElement(By.id("username")).sendKeys("browseruser");
		browser.findElement(By.id("displayName")).sendKeys("钱多多");
		browser.findElement(By.id("password")).sendKeys("secret123");
		new Select(browser.findElement(By.id("unitCode"))).selectByValue("XC-XH-09");
		browser.findElement(By.cssSelector("input[value=HANDLER]")).click();
		browser.findElement(By.cssSelector("aside form button[type=submit]")).click();
		waitForTitle("钱多多");
		shot("06-user-created");

		open("/admin/users");
		shot("07-users");
		open("/admin/categories");
		shot("08-categories");

		open("/admin/audit");
		browser.findElement(By.cssSelector("button[hx-post]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until((d) -> !d.findElements(By.cssSelector("#verification .notice")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("#verification")).getText()).contains("日志完整");
		shot("09-audit");

		open("/account");
		shot("10-account");
		open("/admin/routing");
		assertThat(browser.getPageSource()).contains("派单目录");
		shot("13-routing");
		open("/admin/calendar?year=2026");
		assertThat(browser.findElement(By.id("workdays")).getText()).contains("2026-02-14");
		shot("14-calendar");
		open("/admin/open311");
		browser.findElement(By.id("name")).sendKeys("城市服务 App");
		browser.findElement(By.cssSelector("form.row button[type=submit]")).click();
		assertThat(browser.findElement(By.cssSelector(".notice.token code")).getText()).startsWith("o311_");
		shot("15-open311");
		open("/?lang=en");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Hello");
		shot("11-home-en");
		open("/?lang=zh_CN");

		browser.manage().window().setSize(new Dimension(390, 844));
		open("/admin/units");
		shot("12-units-phone");
		browser.manage().window().setSize(new Dimension(1366, 900));
	}

}
