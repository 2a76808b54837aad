package org.yixian.routing;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time-limit policies are checked the same way wherever they come from: a known demand
 * type, both limits, a reply limit no shorter than the sign limit, and no policies for
 * petitions, whose clocks the law sets.
 */
@WebTest
class TimeLimitPolicyTests {

	@LocalServerPort
	int port;

	@Test
	void a_policy_with_an_unknown_type_a_missing_limit_or_a_reply_shorter_than_signing_is_refused() {
		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		String before = admin.get("/api/v1/time-limits").body();
		assertThat(admin.post("/api/v1/time-limits", """
				{"caseKind":"DEMAND","type":"WHATEVER","signWithin":{"amount":1,"unit":"HOURS"},
				 "replyWithin":{"amount":2,"unit":"HOURS"}}""").errorFields()).containsExactly("type");
		assertThat(admin.post("/api/v1/time-limits", """
				{"caseKind":"DEMAND","type":"HELP","replyWithin":{"amount":2,"unit":"HOURS"}}""").errorFields())
			.containsExactly("signWithin");
		assertThat(admin.post("/api/v1/time-limits", """
				{"caseKind":"DEMAND","type":"HELP","signWithin":{"amount":2,"unit":"CALENDAR_DAYS"},
				 "replyWithin":{"amount":3,"unit":"HOURS"}}""").errorFields()).containsExactly("replyWithin");
		assertThat(admin.post("/api/v1/time-limits",
				"""
						{"caseKind":"PETITION","signWithin":{"amount":1,"unit":"HOURS"},"replyWithin":{"amount":2,"unit":"HOURS"}}""")
			.errorFields()).containsExactly("caseKind");
		assertThat(admin.get("/api/v1/time-limits").body()).isEqualTo(before);
	}

	@Test
	void an_existing_policy_is_replaced_only_when_the_request_says_so() {
		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		String body = """
				{"caseKind":"DEMAND","type":"PRAISE","signWithin":{"amount":1,"unit":"WORKING_DAYS"},
				 "replyWithin":{"amount":%d,"unit":"WORKING_DAYS"}%s}""";
		assertThat(admin.post("/api/v1/time-limits", body.formatted(5, "")).status()).isEqualTo(201);
		Api.Response again = admin.post("/api/v1/time-limits", body.formatted(9, ""));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("code").asString()).isEqualTo("ALREADY_EXISTS");
		assertThat(admin.post("/api/v1/time-limits", body.formatted(9, ",\"replace\":true")).status()).isEqualTo(201);
		assertThat(admin.get("/api/v1/time-limits").body()).contains("PRAISE");
	}

}
