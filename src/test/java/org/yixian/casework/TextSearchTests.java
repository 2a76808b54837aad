package org.yixian.casework;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists' text filter {@code q}: candidates from the case index checked exactly by the
 * database (a new case is found at once, before the index has it), and a search that
 * would read too long stopped with 422 naming {@code q} instead of holding a connection
 * for a minute.
 */
@WebTest
class TextSearchTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	TextCandidates candidates;

	@Test
	void a_text_is_found_as_typed_in_title_or_content_at_once_and_nothing_else_is() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		String tag = han(6);
		JsonNode created = operator
			.post("/api/v1/cases", """
					{"kind":"DEMAND","type":"COMPLAINT","channel":"API","title":"井盖丢失","content":"北门%s窨井盖丢失三天",
					 "categoryCode":"0103","areaUnitCode":"XC-XG-01"}""".formatted(tag),
					Map.of("Idempotency-Key", UUID.randomUUID().toString()))
			.json();
		String number = created.path("number").asString();

		assertThat(numbers(operator, tag)).containsExactly(number);
		assertThat(numbers(operator, "北门" + tag + "窨井")).containsExactly(number);
		assertThat(numbers(operator, tag.substring(1, 3))).contains(number);
		assertThat(numbers(operator, number)).containsExactly(number);
		assertThat(numbers(operator, number.toLowerCase(java.util.Locale.ROOT))).containsExactly(number);
		assertThat(numbers(operator, new StringBuilder(tag).reverse().toString())).doesNotContain(number);
		assertThat(numbers(operator, tag + "北门")).as("the words must follow each other").isEmpty();
		assertThat(numbers(operator, tag + " 窨井")).as("the text as typed, its space too").isEmpty();
		assertThat(numbers(operator, "失三")).contains(number);
	}

	@Test
	void latin_letters_and_digits_are_found_inside_longer_runs_as_typed() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		String plate = "Q" + (10000 + ThreadLocalRandom.current().nextInt(89999));
		String number = operator
			.post("/api/v1/cases", """
					{"kind":"DEMAND","type":"COMPLAINT","channel":"API","title":"车辆占道","content":"车牌京%s的车长期停在3号楼消防通道",
					 "categoryCode":"0103","areaUnitCode":"XC-XG-01"}""".formatted(plate),
					Map.of("Idempotency-Key", UUID.randomUUID().toString()))
			.json()
			.path("number")
			.asString();
		assertThat(this.candidates.containing(plate.substring(1), 10)).as("digits go through the index").isPresent();
		assertThat(numbers(operator, plate)).containsExactly(number);
		assertThat(numbers(operator, plate.substring(1, 5))).contains(number);
		assertThat(numbers(operator, "京" + plate)).containsExactly(number);
		assertThat(numbers(operator, plate.toLowerCase(java.util.Locale.ROOT))).as("as typed: letters' case counts")
			.doesNotContain(number);
		assertThat(numbers(operator, new StringBuilder(plate).reverse().toString())).doesNotContain(number);
	}

	@Test
	void a_text_search_over_its_time_limit_is_refused_naming_q_and_the_page_keeps_what_was_typed() throws Exception {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		Api page = Api.browser(this.port);
		assertThat(page.formLogin("operator", Demo.PASSWORD)).doesNotContain("error");
		String tag = han(5);
		try (Connection lock = this.dataSource.getConnection()) {
			lock.setAutoCommit(false);
			try (Statement statement = lock.createStatement()) {
				statement.execute("set lock_timeout = '5s'");
				// the text search's statements wait for this lock until their time limit
				statement.execute("lock table cases in access exclusive mode");
			}
			long started = System.nanoTime();
			// two Latin characters: no index piece, the database reads
			Api.Response refused = operator.get("/api/v1/cases?q=zq");
			assertThat(refused.status()).as(refused.body()).isEqualTo(422);
			assertThat(refused.errorFields()).containsExactly("q");
			assertThat(refused.body()).contains("zq");
			assertThat((System.nanoTime() - started) / 1_000_000).as("stopped by the 3 s limit").isLessThan(15_000);
			lock.rollback();

			assertThat(this.candidates.containing(tag, 10)).as("the index answers").isPresent();
			try (Statement statement = lock.createStatement()) {
				// the candidates' part: the timeline, which the page's tab counts do not
				// read
				statement.execute("lock table case_events in access exclusive mode");
			}
			Api.Response shown = page.get("/cases?q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
			assertThat(shown.status()).isEqualTo(422);
			assertThat(shown.body()).contains("value=\"" + tag + "\"")
				.contains("id=\"q-problem\"")
				.contains("需要翻阅的工单太多")
				.contains("aria-invalid=\"true\"")
				.doesNotContain("没有工单");
			lock.rollback();
		}
		assertThat(operator.get("/api/v1/cases?q=zq").status()).isEqualTo(200);
	}

	private static java.util.List<String> numbers(Api api, String q) {
		Api.Response found = api.get("/api/v1/cases?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		java.util.List<String> numbers = new java.util.ArrayList<>();
		found.json().path("items").forEach((c) -> numbers.add(c.path("number").asString()));
		return numbers;
	}

	/** Chinese characters of a kind no other test writes. */
	static String han(int length) {
		StringBuilder text = new StringBuilder();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < length; i++) {
			text.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
		}
		return text.toString();
	}

}
