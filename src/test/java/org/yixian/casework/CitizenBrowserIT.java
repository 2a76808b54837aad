package org.yixian.casework;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.BrowserTest;
import org.yixian.testing.Demo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen sends a demand with a photo from a phone and from a desktop, staff see the
 * photo on the case page, the demand is answered, and the citizen rates it online on the
 * progress page. Screenshots go to {@code target/screenshots} (110).
 */
class CitizenBrowserIT extends BrowserTest {

	private static final Dimension DESKTOP = new Dimension(1366, 900);

	private static final Dimension PHONE = new Dimension(390, 844);

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_citizen_sends_a_photo_and_rates_the_answer_online_at_desktop_and_phone_size() throws Exception {
		Path photo = Files.createTempFile("现场", ".jpg");
		Files.write(photo, CitizenPhotosTests.phoneJpeg());
		Path program = Files.createTempFile("photo", ".jpg");
		Files.write(program, "MZ\u0090\u0000 not a photo".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
		try {
			for (Dimension size : new Dimension[] { DESKTOP, PHONE }) {
				String suffix = (size == PHONE) ? "-phone" : "";
				browser.manage().window().setSize(size);
				browser.manage().deleteAllCookies();
				String title = "人行道井盖缺失" + suffix;
				fill(title, program);
				submit(By.cssSelector("form.form button.primary"));
				assertThat(browser.findElement(By.id("photos-error")).getText()).contains("不是 JPG、PNG 或 WebP 照片");
				assertThat(browser.findElement(By.id("content")).getAttribute("value")).contains("井盖缺失");
				((JavascriptExecutor) browser)
					.executeScript("document.getElementById('photos').scrollIntoView({block: 'center'});");
				shot("110-citizen-photo-refused" + suffix);
				browser.findElement(By.id("photos")).sendKeys(photo.toString());
				((JavascriptExecutor) browser)
					.executeScript("document.getElementById('photos').scrollIntoView({block: 'center'});");
				shot("110-citizen-form" + suffix);
				submit(By.cssSelector("form.form button.primary"));
				String number = browser.findElement(By.id("public-number")).getText();
				String code = browser.findElement(By.id("public-code")).getText();
				shot("110-citizen-submitted" + suffix);
				long id = this.jdbc.sql("select id from cases where number = ?")
					.param(number)
					.query(Long.class)
					.single();
				answer(id);

				signIn("dispatcher");
				open("/cases/" + id);
				waitFor(By.cssSelector("a.thumb img"));
				Boolean loaded = (Boolean) ((JavascriptExecutor) browser).executeScript(
						"var i = document.querySelector('a.thumb img'); return i.complete && i.naturalWidth > 0;");
				assertThat(loaded).as("the thumbnail shows the photo").isTrue();
				((JavascriptExecutor) browser)
					.executeScript("document.querySelector('a.thumb').scrollIntoView({block: 'center'});");
				shot("110-citizen-case-photo" + suffix);

				browser.manage().deleteAllCookies();
				open("/public/progress");
				browser.findElement(By.name("number")).sendKeys(number);
				browser.findElement(By.name("queryCode")).sendKeys(code);
				submit(By.cssSelector("form.row button"));
				assertThat(browser.getCurrentUrl()).doesNotContain(code);
				waitFor(By.id("public-rating"));
				browser.findElement(By.cssSelector("input[name=resolved][value=PARTLY]")).click();
				browser.findElement(By.cssSelector("input[name=satisfaction][value=BASICALLY]")).click();
				browser.findElement(By.id("note")).sendKeys("井盖已补上，但周边路面还没修好。");
				((JavascriptExecutor) browser)
					.executeScript("document.getElementById('public-rating').scrollIntoView({block: 'start'});");
				shot("110-citizen-rating" + suffix);
				submit(By.cssSelector("#public-rating button.primary"));
				assertThat(browser.findElement(By.id("public-rated")).getText()).contains("感谢您的评价");
				assertThat(browser.getCurrentUrl()).doesNotContain(code);
				shot("110-citizen-rated" + suffix);
				browser.navigate().refresh();
				assertThat(browser.findElements(By.id("public-rated"))).as("F5 does not rate again").isEmpty();

				signIn("dispatcher");
				open("/cases/" + id);
				assertThat(browser.findElement(By.id("visit-online")).getText()).isEqualTo("市民网上评价");
				((JavascriptExecutor) browser)
					.executeScript("document.getElementById('visit-online').scrollIntoView({block: 'center'});");
				shot("110-citizen-case-visit" + suffix);
				assertThat(
						this.jdbc.sql("select status from cases where id = ?").param(id).query(String.class).single())
					.isEqualTo("CLOSED");
			}
		}
		finally {
			browser.manage().window().setSize(DESKTOP);
			Files.deleteIfExists(photo);
			Files.deleteIfExists(program);
		}
	}

	private void fill(String title, Path file) {
		open("/public/demands/new");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("areaUnitCode"))).selectByValue("DC-HP-02");
		browser.findElement(By.id("title")).sendKeys(title);
		browser.findElement(By.id("content")).sendKeys("光明社区东门人行道井盖缺失，晚上很危险。");
		browser.findElement(By.id("phone")).sendKeys("13700009999");
		browser.findElement(By.id("photos")).sendKeys(file.toString());
	}

	/**
	 * Dispatched to the street, signed, answered and approved: awaiting its return visit.
	 */
	private void answer(long id) {
		String status = this.jdbc.sql("select status from cases where id = ?").param(id).query(String.class).single();
		if ("REGISTERED".equals(status)) {
			act("dispatcher", id, "dispatch", "\"unitCode\":\"DC-HP\"");
		}
		act("handler", id, "sign", "");
		act("handler", id, "reply", "\"result\":\"RESOLVED\",\"text\":\"已补装井盖\"");
		act("dispatcher", id, "review-reply", "\"approve\":true");
	}

	private void act(String who, long id, String action, String fields) {
		int version = this.jdbc.sql("select version from cases where id = ?").param(id).query(Integer.class).single();
		Api.Response response = Api.basic(this.port, who, Demo.PASSWORD)
			.post("/api/v1/cases/" + id + "/actions/" + action,
					"{\"version\":" + version + (fields.isEmpty() ? "" : "," + fields) + "}");
		assertThat(response.status()).as(action + ": " + response.body()).isEqualTo(200);
	}

}
