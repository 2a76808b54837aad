package org.yixian.casework;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console as a form post: back-dating a call, and field errors shown inline.
 */
@WebTest
class ConsoleFormTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void an_operator_back_dates_a_call_to_its_real_local_time() {
		Api browser = Api.browser(this.port);
		browser.formLogin("operator", Demo.PASSWORD);
		String csrf = browser.get("/cases/new").csrf();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("kind", "DEMAND");
		form.put("type", "HELP");
		form.put("channel", "PHONE");
		form.put("categoryCode", "0103");
		form.put("areaUnitCode", "DC-DF-02");
		form.put("title", "补录来电：路灯不亮");
		form.put("content", "昨晚来电反映路灯不亮");
		form.put("receivedAt", java.time.LocalDate.now().minusDays(1) + "T21:30");
		Api.Response saved = browser.form("/cases/new", csrf, form);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		java.time.OffsetDateTime received = this.jdbc.sql("select received_at from cases where title = '补录来电：路灯不亮'")
			.query(java.time.OffsetDateTime.class)
			.single();
		assertThat(received.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalTime())
			.isEqualTo(java.time.LocalTime.of(21, 30));
	}

	@Test
	void a_console_form_with_missing_fields_comes_back_with_the_errors_and_nothing_is_saved() {
		Api browser = Api.browser(this.port);
		browser.formLogin("operator", Demo.PASSWORD);
		long before = this.jdbc.sql("select count(*) from cases").query(Long.class).single();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("kind", "DEMAND");
		form.put("type", "HELP");
		form.put("channel", "PHONE");
		form.put("areaUnitCode", "NOWHERE");
		form.put("title", "");
		form.put("content", "x");
		Api.Response page = browser.form("/cases/new", browser.get("/cases/new").csrf(), form);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("field-error").contains("不能为空");
		assertThat(this.jdbc.sql("select count(*) from cases").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void unknown_choices_or_an_unreadable_time_come_back_as_field_errors_on_a_whole_page_with_the_text_kept() {
		Api browser = Api.browser(this.port);
		browser.formLogin("operator", Demo.PASSWORD);
		long before = this.jdbc.sql("select count(*) from cases").query(Long.class).single();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("kind", "SPACESHIP");
		form.put("type", "SHOUT");
		form.put("channel", "PIGEON");
		form.put("complainant.confidential", "maybe");
		form.put("receivedAt", "yesterday evening");
		form.put("areaUnitCode", "DC-DF-02");
		form.put("title", "留着我写的标题");
		form.put("content", "留着我写的内容");
		Api.Response page = browser.form("/cases/new", browser.get("/cases/new").csrf(), form);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("field-error", "留着我写的标题", "留着我写的内容", "yesterday evening", "</html>");
		assertThat(this.jdbc.sql("select count(*) from cases").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void a_call_without_a_phone_number_is_registered() {
		Api browser = Api.browser(this.port);
		browser.formLogin("operator", Demo.PASSWORD);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("kind", "DEMAND");
		form.put("type", "HELP");
		form.put("channel", "LETTER");
		form.put("complainant.name", "");
		form.put("complainant.phone", "");
		form.put("areaUnitCode", "DC-DF-02");
		form.put("title", "匿名来信反映路面塌陷");
		form.put("content", "匿名来信，没有留电话");
		Api.Response saved = browser.form("/cases/new", browser.get("/cases/new").csrf(), form);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
	}

}
