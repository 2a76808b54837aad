package org.yixian.casework;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.yixian.testing.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole 12345 cycle in headless Chromium: the operator takes a call at the console,
 * the street's handler signs and replies, the hotline reviews the reply and records the
 * return visit, and the citizen follows it on the public page. Screenshots go to
 * {@code target/screenshots}.
 */
class CaseFlowBrowserIT extends BrowserTest {

	@Test
	void a_call_is_taken_signed_replied_reviewed_visited_and_closed() throws Exception {
		signIn("operator");
		open("/cases/new");
		WebElement body = browser.findElement(By.tagName("body"));
		body.sendKeys(Keys.chord(Keys.ALT, "3"));
		assertThat(browser.findElement(By.cssSelector("input[name=type][value=COMPLAINT]")).isSelected()).isTrue();
		browser.findElement(By.id("categoryCode")).sendKeys("0102");
		browser.findElement(By.id("areaUnitCode")).sendKeys("DC-HP-02");
		browser.findElement(By.id("address")).sendKeys("光明社区 3 号楼");
		browser.findElement(By.id("complainant.name")).sendKeys("赵先生");
		browser.findElement(By.id("complainant.phone")).sendKeys("13812345678");
		browser.findElement(By.id("title")).sendKeys("物业不处理电梯故障");
		browser.findElement(By.id("content")).sendKeys("3 号楼电梯停运一周，物业一直不处理，老人上下楼困难。");
		shot("20-console");
		browser.findElement(By.id("content")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
		waitFor(By.id("created-number"));
		String number = browser.findElement(By.id("created-number")).getText();
		String queryCode = browser.findElement(By.id("created-code")).getText();
		assertThat(number).matches("D\\d{14}");
		assertThat(status()).isEqualTo("待签收");
		shot("21-case-created");
		String caseUrl = browser.getCurrentUrl();

		signIn("handler");
		open("/cases?inbox=TO_SIGN");
		assertThat(browser.getPageSource()).contains(number);
		shot("22-handler-inbox");
		browser.get(caseUrl);
		submit(By.cssSelector("#act-sign button[type=submit]"));
		assertThat(status()).isEqualTo("办理中");
		Path photo = Files.createTempFile("site-photo", ".png");
		Files.write(photo, AttachmentTests.PNG);
		browser.findElement(By.cssSelector("input[type=file][name=file]")).sendKeys(photo.toString());
		submit(By.cssSelector("form[enctype] button[type=submit]"));
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("已上传附件");
		WebElement reply = browser.findElement(By.cssSelector("#act-reply textarea[name=text]"));
		reply.sendKeys("已约谈物业公司，电梯已于今日修复并通过检验。");
		shot("23-handler-replying");
		submit(By.cssSelector("#act-reply button[type=submit]"));
		assertThat(status()).isEqualTo("已答复");

		open("/notifications");
		shot("22b-handler-notifications");
		signIn("dispatcher");
		open("/cases?inbox=TO_REVIEW");
		assertThat(browser.getPageSource()).contains(number);
		browser.get(caseUrl);
		shot("24-dispatcher-review");
		submit(By.cssSelector("#act-review-reply button[type=submit]"));
		assertThat(status()).isEqualTo("待回访");

		signIn("operator");
		browser.get(caseUrl);
		browser.findElement(By.cssSelector("#act-return-visit input[value=RESOLVED]")).click();
		browser.findElement(By.cssSelector("#act-return-visit input[value=SATISFIED]")).click();
		submit(By.cssSelector("#act-return-visit button[type=submit]"));
		assertThat(status()).isEqualTo("已办结");
		shot("25-case-closed");

		browser.manage().deleteAllCookies();
		open("/public/progress?number=" + number + "&queryCode=" + queryCode);
		assertThat(browser.findElement(By.id("public-status")).getText()).isEqualTo("已办结");
		assertThat(browser.getPageSource()).doesNotContain("13812345678").doesNotContain("赵先生");
		shot("26-public-progress");
	}

	@Test
	void a_citizen_submits_from_a_phone() throws Exception {
		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			open("/public/demands/new");
			new Select(browser.findElement(By.id("type"))).selectByValue("HELP");
			new Select(browser.findElement(By.id("areaUnitCode"))).selectByValue("XC-XH-01");
			browser.findElement(By.id("title")).sendKeys("路边井盖松动");
			browser.findElement(By.id("content")).sendKeys("新华社区门口井盖松动，夜间有安全隐患。");
			browser.findElement(By.id("phone")).sendKeys("13600000000");
			shot("27-public-form-phone");
			browser.findElement(By.cssSelector("form button[type=submit]")).click();
			waitFor(By.id("public-number"));
			assertThat(browser.findElement(By.id("public-number")).getText()).matches("D\\d{14}");
			shot("28-public-submitted-phone");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1366, 900));
		}
	}

	private String status() {
		return browser.findElement(By.id("case-status")).getText();
	}

}
