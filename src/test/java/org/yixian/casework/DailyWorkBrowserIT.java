package org.yixian.casework;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.yixian.testing.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages people use all day, in headless Chromium, each numbered finding of the
 * usability review walked through: typed text kept over a stale version (1), a call with
 * no phone (2), the review comment kept (3), readable history (4), each role landing on
 * its work (5), notifications settled by the work (6), one case per console form (7),
 * names typed at the console, caller history and "save and next" (8), dispatch from a
 * searchable unit tree with a note (9), phone-sized lists and citizens' pages (10).
 * Screenshots go to {@code target/screenshots} (90–99).
 */
class DailyWorkBrowserIT extends BrowserTest {

	private static final Dimension DESKTOP = new Dimension(1366, 900);

	private static final Dimension PHONE = new Dimension(390, 844);

	@Test
	void every_role_lands_on_its_own_work_at_desktop_and_phone_size() throws Exception {
		signIn("operator");
		open("/cases/new");
		browser.findElement(By.id("areaUnitCode")).sendKeys("南湖区");
		browser.findElement(By.id("title")).sendKeys("村道坑洼");
		browser.findElement(By.id("content")).sendKeys("南湖区村道坑洼多，雨天积水。");
		submit(By.cssSelector("#console button.primary"));
		for (String role : List.of("operator", "dispatcher", "handler", "supervisor", "leader", "analyst", "petition",
				"admin")) {
			signIn(role);
			open("/");
			assertThat(browser.findElements(By.cssSelector(".card-num")).stream().map(WebElement::getText))
				.as("no zero counts on %s's landing page", role)
				.doesNotContain("0");
			assertThat(browser.getPageSource()).as("no missing texts for %s", role).doesNotContain("??");
			if (!"admin".equals(role)) {
				assertThat(browser.getPageSource()).as(role).doesNotContain("接口文档");
			}
			shot("90-landing-" + role);
			browser.manage().window().setSize(PHONE);
			try {
				open("/");
				shot("90-landing-" + role + "-phone");
			}
			finally {
				browser.manage().window().setSize(DESKTOP);
			}
		}
		signIn("dispatcher");
		open("/");
		assertThat(browser.findElements(By.cssSelector("#urgent-list li"))).as("the dispatcher sees cases to act on")
			.isNotEmpty();
		assertThat(browser.getPageSource()).doesNotContain("单位构成").doesNotContain("接口文档");
	}

	@Test
	void a_call_without_a_phone_is_taken_by_names_once_and_the_next_call_follows() throws Exception {
		signIn("operator");
		open("/cases/new");
		browser.findElement(By.id("categoryCode")).sendKeys("物业管理");
		browser.findElement(By.id("areaUnitCode")).sendKeys("西城区");
		browser.findElement(By.id("title")).sendKeys("匿名来信反映小区电梯噪声");
		browser.findElement(By.id("content")).sendKeys("来信未留电话：小区电梯夜间运行噪声大，影响休息。");
		assertThat(browser.findElement(By.cssSelector("#content + .counter")).getText()).endsWith("/ 4000");
		shot("91-console-by-name");
		submit(By.cssSelector("#console button.primary"));
		assertThat(browser.findElement(By.id("created-number")).getText()).matches("D\\d{14}");
		assertThat(browser.getPageSource()).contains("城乡建设").contains("物业管理");

		open("/cases/new");
		browser.findElement(By.id("areaUnitCode")).sendKeys("西城区");
		browser.findElement(By.id("complainant.phone")).sendKeys("13700008888");
		browser.findElement(By.id("title")).sendKeys("双击保存的来电");
		browser.findElement(By.id("content")).sendKeys("同一张受理单连续提交两次。");
		Object statuses = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				var form = document.getElementById('console');
				var body = function () { return new URLSearchParams(new FormData(form)); };
				Promise.all([fetch(form.action, {method: 'POST', body: body(), redirect: 'manual'}),
				             fetch(form.action, {method: 'POST', body: body(), redirect: 'manual'})])
				  .then(function (r) { done(r.map(function (x) { return x.type; }).join(',')); });""");
		assertThat(statuses).isEqualTo("opaqueredirect,opaqueredirect");
		open("/cases?q=" + java.net.URLEncoder.encode("双击保存的来电", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(browser.findElements(By.cssSelector(".table.cases tbody tr"))).as("one case for one form")
			.hasSize(1);

		open("/cases/new");
		browser.findElement(By.id("complainant.phone")).sendKeys("13700008888");
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((d) -> !d.findElements(By.cssSelector("#caller-history li")).isEmpty());
		browser.findElement(By.id("categoryCode")).sendKeys("0103");
		browser.findElement(By.id("areaUnitCode")).sendKeys("光明社区");
		browser.findElement(By.id("title")).sendKeys("路灯不亮");
		browser.findElement(By.id("content")).sendKeys("光明社区门口路灯不亮。");
		shot("92-console-caller-history");
		browser.findElement(By.id("content")).sendKeys(Keys.chord(Keys.CONTROL, Keys.SHIFT, Keys.ENTER));
		waitFor(By.id("saved-previous"));
		assertThat(browser.getCurrentUrl()).endsWith("/cases/new");
		assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEmpty();
		shot("93-console-next-call");
	}

	@Test
	void the_operator_picks_the_place_on_a_map_without_tiles_and_the_area_follows() throws Exception {
		signIn("operator");
		open("/cases/new");
		browser.findElement(By.id("title")).sendKeys("地图选点的井盖缺失");
		browser.findElement(By.id("content")).sendKeys("路口井盖缺失，夜间危险。");
		browser.findElement(By.id("title")).sendKeys(Keys.chord(Keys.ALT, "m"));
		waitFor(By.cssSelector("#place-map[data-ready='true']"));
		assertThat(browser.findElements(By.cssSelector("#place-map path.leaflet-interactive, #place-map svg path")))
			.as("the areas' outlines are drawn without tiles")
			.isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("#place-map img.leaflet-tile"))).as("no tiles configured")
			.isEmpty();
		browser.findElement(By.id("place-map")).sendKeys(Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until((d) -> !d.findElement(By.id("lat")).getAttribute("value").isEmpty());
		String area = browser.findElement(By.id("areaUnitCode")).getAttribute("value");
		assertThat(area).as("the area is taken from the outline under the point").isNotBlank();
		assertThat(browser.findElement(By.id("place-status")).getText()).contains(area);
		shot("99-console-map-picker");
		browser.manage().window().setSize(PHONE);
		try {
			shot("99-console-map-picker-phone");
		}
		finally {
			browser.manage().window().setSize(DESKTOP);
		}
		submit(By.cssSelector("#console button.primary"));
		waitFor(By.cssSelector(".coords"));
		assertThat(browser.findElement(By.cssSelector(".coords")).getText()).startsWith("📍");
		assertThat(browser.getPageSource())
			.contains(area.contains(" / ") ? area.substring(area.indexOf(" / ") + 3) : area);
	}

	@Test
	void a_handler_filters_sorts_and_signs_in_bulk_and_keeps_phrases() throws Exception {
		org.yixian.testing.Api operator = org.yixian.testing.Api.basic(this.port, "operator",
				org.yixian.testing.Demo.PASSWORD);
		for (String title : List.of("人行道砖块松动", "绿化带垃圾堆积")) {
			assertThat(operator
				.post("/api/v1/cases", "{\"kind\":\"DEMAND\",\"type\":\"COMPLAINT\",\"channel\":\"PHONE\","
						+ "\"title\":\"" + title + "\",\"content\":\"" + title + "，请处理。\",\"categoryCode\":\"0104\","
						+ "\"areaUnitCode\":\"DC-HP-02\",\"complainant\":{\"name\":\"市民\",\"phone\":\"13700006690\"}}")
				.status()).isEqualTo(201);
		}
		signIn("handler");
		open("/cases?inbox=TO_SIGN");
		browser.findElement(By.cssSelector("th a.sort[href*='sort=DUE']")).click();
		waitFor(By.cssSelector("th[aria-sort='ascending']"));
		assertThat(browser.getCurrentUrl()).contains("sort=DUE");
		browser.findElement(By.cssSelector("details.more-filters summary")).click();
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("categoryCode"))).selectByValue("01");
		shot("99-worklist-filter-sort");
		submit(By.cssSelector("form.filters button[type=submit]"));
		assertThat(browser.getCurrentUrl()).as("the order stays with a new filter")
			.contains("categoryCode=01")
			.contains("sort=DUE");
		open("/cases?inbox=TO_SIGN&sort=DUE");
		List<WebElement> ticks = browser.findElements(By.cssSelector("td.select input[type=checkbox]"));
		if (!ticks.isEmpty()) {
			ticks.get(0).click();
			assertThat(browser.findElement(By.id("bulk-sign")).isDisplayed()).isTrue();
			shot("99-worklist-bulk-bar");
		}
		open("/phrases");
		shot("99-phrases");
		browser.manage().window().setSize(PHONE);
		try {
			open("/cases?inbox=TO_SIGN&sort=DUE_DESC");
			shot("99-worklist-phone");
		}
		finally {
			browser.manage().window().setSize(DESKTOP);
		}
	}

	@Test
	void a_dispatcher_picks_a_unit_from_the_tree_with_a_note_and_a_stale_form_keeps_its_text() throws Exception {
		signIn("operator");
		open("/cases/new");
		browser.findElement(By.id("categoryCode")).sendKeys("0104");
		browser.findElement(By.id("areaUnitCode")).sendKeys("XC");
		browser.findElement(By.id("complainant.phone")).sendKeys("13900007777");
		browser.findElement(By.id("title")).sendKeys("街道垃圾清运不及时");
		browser.findElement(By.id("content")).sendKeys("西城区多处垃圾桶满溢，清运不及时。");
		submit(By.cssSelector("#console button.primary"));
		String caseUrl = browser.getCurrentUrl();

		signIn("dispatcher");
		browser.get(caseUrl);
		WebElement filter = browser.findElement(By.cssSelector("#act-dispatch .unit-picker .filter"));
		filter.sendKeys("西关");
		List<WebElement> visible = browser.findElements(By
			.cssSelector("#act-dispatch .unit-picker[data-name=unitCode] .unit-options .unit-option:not([hidden])"));
		assertThat(visible).isNotEmpty().allSatisfy((o) -> assertThat(o.getText()).contains("西关"));
		browser.findElement(By.cssSelector("#act-dispatch .unit-options input[value=XC-XG]")).click();
		browser.findElement(By.id("dispatch-note")).sendKeys("请街道组织环卫力量当日清运");
		shot("94-dispatch-form");
		submit(By.cssSelector("#act-dispatch button[type=submit]"));
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("待签收");
		assertThat(browser.getPageSource()).contains("请街道组织环卫力量当日清运").doesNotContain("@SFS");

		signIn("handler2");
		open("/notifications");
		assertThat(browser.getPageSource()).contains("未读");
		browser.get(caseUrl);
		submit(By.cssSelector("#act-sign button[type=submit]"));
		open("/notifications");
		assertThat(browser.findElements(By.cssSelector("tr.unread"))).as("signing settles the notice").isEmpty();
		shot("95-notifications");

		browser.get(caseUrl);
		String first = browser.getWindowHandle();
		browser.switchTo().newWindow(WindowType.TAB);
		browser.get(caseUrl);
		browser.findElement(By.cssSelector("#act-contact summary")).click();
		browser.findElement(By.cssSelector("#act-contact textarea[name=note]")).sendKeys("已电话联系市民");
		submit(By.cssSelector("#act-contact button[type=submit]"));
		browser.close();
		browser.switchTo().window(first);
		browser.findElement(By.cssSelector("#act-reply textarea[name=text]")).sendKeys("已安排清运，今日完成。");
		submit(By.cssSelector("#act-reply button[type=submit]"));
		assertThat(browser.findElement(By.id("changed-since")).getText()).contains("联系市民");
		assertThat(browser.findElement(By.cssSelector("#act-reply textarea[name=text]")).getAttribute("value"))
			.isEqualTo("已安排清运，今日完成。");
		shot("96-stale-version-kept");
		submit(By.cssSelector("#act-reply button[type=submit]"));
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("已答复");

		signIn("dispatcher");
		browser.get(caseUrl);
		browser.findElement(By.cssSelector("#act-review-reply textarea[name=comment]")).sendKeys("答复规范，同意");
		submit(By.cssSelector("#act-review-reply button[type=submit]"));
		assertThat(browser.getPageSource()).contains("答复规范，同意");
		shot("97-case-page");
		browser.manage().window().setSize(PHONE);
		try {
			browser.get(caseUrl);
			shot("97-case-page-phone");
			open("/cases?inbox=TO_VISIT");
			WebElement row = browser.findElement(By.cssSelector(".table.cases tbody tr"));
			assertThat(row.findElement(By.cssSelector("td:nth-child(3)")).isDisplayed()).as("status on a phone")
				.isTrue();
			shot("98-inbox-phone");
		}
		finally {
			browser.manage().window().setSize(DESKTOP);
		}
	}

	@Test
	void citizens_pages_never_submit_twice_and_hide_internal_steps() throws Exception {
		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(PHONE);
		try {
			open("/public/demands/new");
			browser.findElement(By.id("title")).sendKeys("公园长椅损坏");
			browser.findElement(By.id("content")).sendKeys("文化公园长椅损坏多处。");
			browser.findElement(By.id("phone")).sendKeys("13600001234");
			browser.findElement(By.cssSelector("#areaUnitCode option[value='XC-WH-01']")).click();
			browser.findElement(By.cssSelector("form button[type=submit]")).click();
			waitFor(By.id("public-number"));
			assertThat(browser.getCurrentUrl()).endsWith("/public/demands/submitted");
			String number = browser.findElement(By.id("public-number")).getText();
			String code = browser.findElement(By.id("public-code")).getText();
			browser.navigate().refresh();
			assertThat(browser.getCurrentUrl()).as("a reload does not post again").contains("/public/progress");
			browser.findElement(By.name("number")).sendKeys(number);
			browser.findElement(By.name("queryCode")).sendKeys(code);
			submit(By.cssSelector("form button[type=submit]"));
			assertThat(browser.getCurrentUrl()).doesNotContain(code);
			assertThat(browser.getPageSource()).contains("已受理").doesNotContain("签收");
			shot("99-public-progress-phone");
			open("/public/nothing-here");
			assertThat(browser.getPageSource()).doesNotContain("返回工作台");
		}
		finally {
			browser.manage().window().setSize(DESKTOP);
		}
	}

}
