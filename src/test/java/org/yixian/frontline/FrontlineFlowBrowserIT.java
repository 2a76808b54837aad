package org.yixian.frontline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.yixian.testing.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frontline work in headless Chromium: a citizen books a slot of a leader's reception day
 * on a phone-sized page; the leader records the visit and turns it into a case, which
 * shows its origin, and puts it in a street leader's charge (包案); the street completes an
 * on-site session's task with a photo and the session closes; a citizen answers a survey
 * on a phone and the leader sees it charted; the leader's desk. Screenshots go to
 * {@code target/screenshots}.
 */
class FrontlineFlowBrowserIT extends BrowserTest {

	private static final Dimension PHONE = new Dimension(390, 844);

	private static final Dimension DESKTOP = new Dimension(1366, 900);

	@Test
	void a_booking_becomes_a_visit_and_a_packaged_case_a_task_is_done_with_a_photo_and_the_desk_shows_it_all()
			throws Exception {
		FrontlineApi api = new FrontlineApi(this.port);
		long reception = api.reception(8, 30).path("id").asLong();

		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(PHONE);
		String code;
		try {
			open("/public/receptions");
			waitFor(By.id("book-" + reception));
			shot("60-public-receptions-phone");
			browser.findElement(By.id("book-" + reception)).click();
			waitFor(By.id("booking"));
			browser.findElement(By.id("name")).sendKeys("赵敏华");
			browser.findElement(By.id("phone")).sendKeys("1365555");
			browser.findElement(By.id("matter")).sendKeys("和平里小区3号楼电梯停运三个月，物业称维修资金不足，老人上下楼困难。");
			submit(By.id("book"));
			assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).contains("手机号");
			assertThat(browser.findElement(By.id("matter")).getAttribute("value")).contains("电梯停运三个月");
			shot("61-public-booking-phone-error");
			browser.findElement(By.id("phone")).clear();
			browser.findElement(By.id("phone")).sendKeys("13655556666");
			submit(By.id("book"));
			code = browser.findElement(By.id("confirmation-code")).getText();
			assertThat(code).matches("[A-HJ-NP-Z2-9]{8}");
			shot("62-public-booked-phone");
		}
		finally {
			browser.manage().window().setSize(DESKTOP);
		}

		signIn("dcleader");
		open("/receptions/" + reception);
		assertThat(browser.findElement(By.id("bookings")).getText()).contains("赵敏华", "13655556666");
		browser.findElement(By.id("confirmationCode")).sendKeys(code);
		browser.findElement(By.cssSelector("input[name=outcome][value=CASE]")).click();
		browser.findElement(By.cssSelector("#visit-form details.answer summary")).click();
		new Select(browser.findElement(By.id("type"))).selectByValue("HELP");
		browser.findElement(By.id("title")).sendKeys("和平里小区3号楼电梯停运三个月");
		browser.findElement(By.id("content")).sendKeys("接访时反映：电梯停运三个月，物业称维修资金不足，请求协调维修。");
		browser.findElement(By.id("categoryCode")).sendKeys("0102");
		browser.findElement(By.id("areaUnitCode")).sendKeys("DC-HP-01");
		shot("63-reception-record-visit");
		submit(By.id("visit-save"));
		String number = browser.findElement(By.cssSelector("#created-case strong")).getText();
		assertThat(number).matches("D\\d{14}");
		assertThat(browser.findElement(By.id("visits")).getText()).contains("赵敏华", number);
		shot("64-reception-visit-recorded");

		browser.findElement(By.id("created-case")).click();
		waitFor(By.id("case-origin"));
		assertThat(browser.findElement(By.id("case-origin")).getText()).isEqualTo("领导接访");
		browser.findElement(By.cssSelector("#act-package summary")).click();
		new Select(browser.findElement(By.cssSelector("#act-package select[name=leaderUsername]")))
			.selectByValue("hpleader");
		browser.findElement(By.cssSelector("#act-package textarea[name=plan]"))
			.sendKeys("街道牵头，协调物业和维保单位，动用专项维修资金更换曳引机。");
		setValue(browser.findElement(By.cssSelector("#act-package input[name=targetDate]")),
				LocalDate.now(FrontlineApi.SHANGHAI).plusDays(30).toString());
		submit(By.cssSelector("#act-package button[type=submit]"));
		assertThat(browser.findElement(By.id("package-leader")).getText()).contains("马和平");
		shot("65-case-packaged");

		long session = api.district.post("/api/v1/site-sessions", """
				{"title":"和平里小区电梯和积水问题现场办公会","place":"和平里社区3号楼前","date":"%s","leaderUsername":"dcleader",
				 "attendeeUnitCodes":["DC-HP","DC-ZJ"]}""".formatted(LocalDate.now(FrontlineApi.SHANGHAI)))
			.json()
			.path("id")
			.asLong();
		open("/site-sessions/" + session);
		browser.findElement(By.id("problem")).sendKeys("3号楼前积水点排水改造");
		new Select(browser.findElement(By.id("ownerUnitCode"))).selectByValue("DC-HP");
		setValue(browser.findElement(By.id("dueDate")), LocalDate.now(FrontlineApi.SHANGHAI).plusDays(7).toString());
		submit(By.id("task-save"));
		assertThat(browser.findElement(By.cssSelector(".task")).getText()).contains("排水改造", "和平街道");
		submit(By.id("session-close"));
		assertThat(browser.findElement(By.cssSelector(".problem")).getText()).contains("未办结");
		shot("66-session-open-task");

		signIn("handler");
		open("/tasks");
		WebElement task = browser.findElement(By.cssSelector(".task.open"));
		assertThat(task.getText()).contains("排水改造");
		Path photo = sitePhoto();
		task.findElement(By.cssSelector("input[type=file]")).sendKeys(photo.toString());
		submit(By.cssSelector(".task.open form[enctype] button[type=submit]"));
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("照片已上传");
		browser.findElement(By.cssSelector(".task.open textarea[name=evidence]")).sendKeys("新建雨水管80米，积水点已消除，现场照片已上传。");
		shot("67-task-evidence");
		submit(By.cssSelector(".task.open form:not([enctype]) button[type=submit]"));
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("任务已办结");

		signIn("dcleader");
		open("/site-sessions/" + session);
		assertThat(browser.findElements(By.cssSelector(".task.done .photos img"))).hasSize(1);
		submit(By.id("session-close"));
		assertThat(browser.findElement(By.id("session-status")).getText()).isEqualTo("已结束");
		shot("68-session-closed");

		long survey = api.district.post("/api/v1/surveys", """
				{"title":"和平里社区养老服务需求调查","intro":"请花一分钟告诉我们您的需求。","questions":[
				 {"text":"您最需要哪项养老服务？","kind":"SINGLE","options":["助餐","助浴","日间照料"]},
				 {"text":"您还有什么建议？","kind":"TEXT"}]}""").json().path("id").asLong();
		api.district.post("/api/v1/surveys/" + survey + "/actions/publish", "");
		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(PHONE);
		try {
			open("/public/surveys/" + survey);
			browser.findElements(By.cssSelector("input[type=radio]")).get(0).click();
			browser.findElement(By.tagName("textarea")).sendKeys("希望社区食堂增加晚餐");
			browser.findElement(By.id("phone")).sendKeys("13600001234");
			shot("69-public-survey-phone");
			submit(By.id("survey-send"));
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("感谢参与");
		}
		finally {
			browser.manage().window().setSize(DESKTOP);
		}
		signIn("dcleader");
		open("/surveys/" + survey);
		waitFor(By.cssSelector(".survey-chart svg"));
		assertThat(browser.findElement(By.id("response-count")).getText()).contains("1");
		shot("70-survey-results");

		open("/leaders/desk");
		assertThat(browser.findElement(By.id("desk-package-table")).getText()).contains(number, "马和平");
		assertThat(browser.getPageSource()).contains("物业纠纷");
		shot("71-leader-desk");
		browser.manage().window().setSize(PHONE);
		try {
			open("/leaders/desk");
			shot("72-leader-desk-phone");
		}
		finally {
			browser.manage().window().setSize(DESKTOP);
		}
	}

	private static void setValue(WebElement input, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
	}

	/**
	 * A small photo of the finished work, made on the spot.
	 */
	private static Path sitePhoto() throws Exception {
		BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x8fb8de));
		g.fillRect(0, 0, 320, 140);
		g.setColor(new Color(0x6b6b6b));
		g.fillRect(0, 140, 320, 100);
		g.setColor(new Color(0x2e7d32));
		g.fillRect(40, 150, 240, 20);
		g.dispose();
		Path file = Files.createTempFile("site-photo", ".png");
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

}
