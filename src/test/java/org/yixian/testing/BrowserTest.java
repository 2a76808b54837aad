package org.yixian.testing;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test: the whole application on a random port and one headless Chromium for
 * the class, with navigation, sign-in and screenshot helpers.
 */
@WebTest
public abstract class BrowserTest {

	protected static WebDriver browser;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void startBrowser() throws Exception {
		browser = Chromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	protected void open(String path) {
		browser.get("http://127.0.0.1:" + this.port + path);
	}

	protected void signIn(String username) {
		browser.manage().deleteAllCookies();
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((d) -> !d.getCurrentUrl().contains("/login"));
	}

	protected static void waitFor(By locator) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((d) -> !d.findElements(locator).isEmpty());
	}

	protected static void waitForTitle(String fragment) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((d) -> d.getTitle().contains(fragment));
	}

	/**
	 * Clicks a submit button and waits until the next page has replaced this one.
	 */
	protected static void submit(By button) {
		org.openqa.selenium.WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(button).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
	}

	protected static void shot(String name) throws Exception {
		Chromium.shot(browser, name);
	}

}
