package org.yixian.knowledge;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.yixian.testing.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base in headless Chromium: the console's hint panel as the operator types
 * the call, "用此答复" closing a consultation on the spot with the article's answer, the
 * count on the list, and the list, an article and the edit form at desktop and phone
 * size. Screenshots go to {@code target/screenshots} (100-knowledge-*).
 */
class KnowledgeBrowserIT extends BrowserTest {

	private static final Dimension DESKTOP = new Dimension(1366, 900);

	private static final Dimension PHONE = new Dimension(390, 844);

	@Test
	void an_operator_answers_a_consultation_from_the_console_hints() throws Exception {
		browser.manage().window().setSize(DESKTOP);
		signIn("operator");
		open("/cases/new");
		browser.findElement(By.id("areaUnitCode")).sendKeys("东城区");
		browser.findElement(By.id("title")).sendKeys("咨询社保卡补办");
		browser.findElement(By.id("content")).sendKeys("市民来电：社保卡丢了，问去哪里补办，要带什么材料。");
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((d) -> !d.findElements(By.cssSelector("#knowledge-hints .kb-hint")).isEmpty());
		WebElement first = browser.findElement(By.cssSelector("#knowledge-hints .kb-hint"));
		assertThat(first.getText()).contains("社会保障卡丢失如何补办");
		assertThat(browser.findElement(By.id("knowledge-hints")).getText()).as("only close matches")
			.doesNotContain("结婚登记");
		((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center'})", first);
		shot("100-knowledge-console-hints");
		first.findElement(By.cssSelector("button.use-article")).click();
		assertThat(browser.findElement(By.id("answer")).getAttribute("value")).contains("挂失");
		assertThat(browser.findElement(By.cssSelector("input[name=type][value=CONSULT]")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("answerArticleId")).getAttribute("value")).isNotBlank();
		assertThat(browser.findElement(By.id("answer-source")).getText()).contains("社会保障卡丢失如何补办");
		assertThat(browser.findElement(By.id("save-console")).getText()).isEqualTo("保存并办结");
		shot("100-knowledge-console-answer");
		submit(By.cssSelector("#console button.primary"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("已办结");
		assertThat(browser.getPageSource()).contains("挂失");
		assertThat(browser.findElement(By.cssSelector(".knowledge-source")).getText()).contains("答复取自知识库");
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
				"arguments[0].scrollIntoView({block: 'center'})",
				browser.findElement(By.cssSelector(".knowledge-source")));
		shot("100-knowledge-case-closed");
		open("/knowledge?q=" + java.net.URLEncoder.encode("社保卡", java.nio.charset.StandardCharsets.UTF_8));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((d) -> {
			d.navigate().refresh();
			return !d.findElement(By.cssSelector("#kb-list .kb-item .kb-uses")).getText().contains(" 0 ");
		});
		shot("100-knowledge-list-used");
	}

	@Test
	void the_knowledge_pages_work_at_desktop_and_phone_size() throws Exception {
		signIn("operator");
		for (Dimension size : java.util.List.of(DESKTOP, PHONE)) {
			String suffix = (size == PHONE) ? "-phone" : "";
			browser.manage().window().setSize(size);
			open("/knowledge");
			assertThat(browser.findElements(By.cssSelector("#kb-list .kb-item"))).hasSizeGreaterThanOrEqualTo(10);
			assertThat(browser.getPageSource()).doesNotContain("2025 年度城乡居民医保集中缴费期").doesNotContain("??");
			shot("100-knowledge-list" + suffix);
			WebElement search = browser.findElement(By.id("kb-q"));
			search.sendKeys("公积金怎么取出来");
			submit(By.cssSelector("#kb-search button[type=submit]"));
			assertThat(browser.findElement(By.cssSelector("#kb-list .kb-item h2")).getText()).contains("住房公积金提取");
			shot("100-knowledge-search" + suffix);
			browser.findElement(By.cssSelector("#kb-list .kb-item h2 a")).click();
			waitFor(By.id("article-answer"));
			assertThat(browser.findElements(By.cssSelector("#article-answer p"))).hasSizeGreaterThan(1);
			assertThat(browser.findElements(By.id("edit-article"))).isEmpty();
			shot("100-knowledge-article" + suffix);
			open("/knowledge?q=" + java.net.URLEncoder.encode("火星移民签证", java.nio.charset.StandardCharsets.UTF_8));
			assertThat(browser.findElement(By.id("kb-empty")).getText()).contains("没有找到");
			shot("100-knowledge-empty" + suffix);
		}
		browser.manage().window().setSize(DESKTOP);
		signIn("admin");
		open("/knowledge?status=PUBLISHED");
		assertThat(browser.getPageSource()).contains("2025 年度城乡居民医保集中缴费期").contains("不在有效期");
		open("/knowledge");
		browser.findElement(By.id("kb-q")).sendKeys("供暖");
		submit(By.cssSelector("#kb-search button[type=submit]"));
		browser.findElement(By.cssSelector("#kb-list .kb-item h2 a")).click();
		waitFor(By.id("edit-article"));
		browser.findElement(By.id("edit-article")).click();
		waitFor(By.id("article-form"));
		WebElement answer = browser.findElement(By.id("answer"));
		assertThat(browser.findElement(By.cssSelector("#answer + .counter")).getText()).endsWith("/ 8000");
		browser.findElement(By.id("title")).clear();
		answer.sendKeys("\n补充：管理员新增的一段。");
		submit(By.id("save-article"));
		assertThat(browser.findElement(By.id("answer")).getAttribute("value")).contains("管理员新增的一段");
		assertThat(browser.findElement(By.cssSelector("#title ~ .field-error")).getText()).isNotBlank();
		shot("100-knowledge-edit-refused");
		browser.manage().window().setSize(PHONE);
		try {
			shot("100-knowledge-edit-phone");
		}
		finally {
			browser.manage().window().setSize(DESKTOP);
		}
	}

}
