package org.yixian.petition;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.yixian.testing.Api;
import org.yixian.testing.BrowserTest;
import org.yixian.testing.Demo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A petition in headless Chromium: the office registers a walk-in, transfers it to the
 * street, the street accepts it and issues its decision letter (a PDF in Chinese), and
 * the office records the petitioner's request for 复查. Screenshots go to
 * {@code target/screenshots}.
 */
class PetitionFlowBrowserIT extends BrowserTest {

	@Test
	void a_walk_in_is_registered_transferred_accepted_decided_and_taken_to_review() throws Exception {
		signIn("petition");
		open("/petitions/new");
		browser.findElement(By.id("name")).sendKeys("陈秀英");
		browser.findElement(By.id("phone")).sendKeys("13711112222");
		browser.findElement(By.id("idNumber")).sendKeys("320102198511216962");
		browser.findElement(By.id("categoryCode")).sendKeys("0101");
		browser.findElement(By.id("areaUnitCode")).sendKeys("DC-HP-02");
		browser.findElement(By.id("title")).sendKeys("廉租房申请两年未获答复");
		browser.findElement(By.id("content")).sendKeys("本人2024年3月提交廉租房申请，材料齐全，至今两年未获任何答复，多次到街道询问无果，请求依法处理。");
		waitFor(By.cssSelector("#insight-hints .insight-hints h3"));
		assertThat(browser.findElement(By.id("insight-hints")).getText()).contains("相似");
		shot("40-petition-register");
		submit(By.id("register"));
		waitFor(By.id("created-number"));
		String number = browser.findElement(By.id("created-number")).getText();
		assertThat(number).matches("X\\d{14}");
		assertThat(status()).isEqualTo("已登记");
		assertThat(browser.findElement(By.id("complainant-name")).getText()).isEqualTo("陈**");
		String caseUrl = browser.getCurrentUrl();
		long id = Long.parseLong(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));

		browser.findElement(By.cssSelector("#act-transfer .unit-options input[name=unitCode][value=DC-HP]")).click();
		browser.findElement(By.cssSelector("#act-transfer input[name=resultRequired]")).click();
		shot("41-petition-transfer");
		submit(By.cssSelector("#act-transfer button[type=submit]"));
		assertThat(status()).isEqualTo("已转送待受理");

		signIn("handler");
		open("/cases?inbox=TO_ACCEPT");
		assertThat(browser.getPageSource()).contains(number);
		shot("42-street-to-accept");
		browser.get(caseUrl);
		submit(By.cssSelector("#act-accept button[type=submit]"));
		assertThat(status()).isEqualTo("已受理办理中");
		new Select(browser.findElement(By.cssSelector("#act-decide select[name=outcome]"))).selectByValue("SUPPORT");
		browser.findElement(By.cssSelector("#act-decide textarea[name=text]"))
			.sendKeys("经核查，信访人申请材料齐全，符合廉租房保障条件。街道已将其申请报区住房保障部门，将于30日内完成审核并书面告知。");
		shot("43-street-deciding");
		submit(By.cssSelector("#act-decide button[type=submit]"));
		assertThat(status()).isEqualTo("已出具处理意见");
		WebElement letter = browser.findElement(By.cssSelector("#documents a"));
		assertThat(letter.getText()).isEqualTo("处理意见书");
		shot("44-street-decided");
		String href = letter.getAttribute("href");
		byte[] pdf = Api.basic(this.port, "handler", Demo.PASSWORD)
			.bytes("/api/v1" + java.net.URI.create(href).getPath());
		assertThat(text(pdf)).contains("信访事项处理意见书", number, "和平街道", "支持", "符合廉租房保障条件");

		signIn("petition");
		browser.get(caseUrl);
		browser.findElement(By.cssSelector("#act-request-review summary")).click();
		browser.findElement(By.cssSelector("#act-request-review textarea[name=reason]"))
			.sendKeys("信访人认为30日审核期过长，请求复查。");
		submit(By.cssSelector("#act-request-review button[type=submit]"));
		assertThat(status()).isEqualTo("复查中");
		assertThat(browser.getPageSource()).contains("东城区");
		shot("45-petition-reviewing");
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			browser.get(caseUrl);
			shot("46-petition-phone");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1366, 900));
		}
		open("/petitions/backlog");
		shot("47-petition-backlog");
		assertThat(id).isPositive();
	}

	private static String status() {
		return browser.findElement(By.id("case-status")).getText();
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
