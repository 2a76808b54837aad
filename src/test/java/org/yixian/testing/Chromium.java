package org.yixian.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (never a downloaded
 * browser), and screenshots under {@code target/screenshots}.
 */
public final class Chromium {

	private static final Path SCREENSHOTS = Path.of(System.getProperty("yixian.screenshots", "target/screenshots"));

	private Chromium() {
	}

	public static WebDriver start() throws Exception {
		boolean installed = new File("/usr/bin/chromium").canExecute()
				&& new File("/usr/bin/chromedriver").canExecute();
		if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(
					"Debian chromium and chromium-driver are missing in CI: .ci/run must install them");
		}
		assumeTrue(installed, "Debian chromium and chromium-driver are not installed (.ci/run installs them)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1366,900", "--lang=zh-CN");
		WebDriver browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(),
				options);
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
		Files.createDirectories(SCREENSHOTS);
		return browser;
	}

	public static void shot(WebDriver browser, String name) throws Exception {
		File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
