package org.yixian.shared;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous reads of Open311 lists and progress look-ups are limited per address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "yixian.public.reads-per-minute=5", "yixian.public.reads-per-day=100" })
class PublicReadLimitTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_sixth_anonymous_read_in_a_minute_is_refused_with_429() throws InterruptedException {
		// The counters live in the shared test database, where other contexts read too,
		// and
		// the window is the calendar minute: start afresh, not in the last seconds of
		// one.
		while (java.time.LocalTime.now().getSecond() > 55) {
			Thread.sleep(500);
		}
		this.jdbc.sql("delete from rate_counters where scope = 'public-reads'").update();
		Api anonymous = Api.anonymous(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(anonymous.get("/open311/v2/requests.json").status()).isEqualTo(200);
		}
		Api.Response refused = anonymous.get("/public/progress?number=D20260101000001&queryCode=ABCDEFGH");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(Integer.parseInt(refused.header("Retry-After"))).as("seconds until the minute ends")
			.isBetween(1, 60);
		assertThat(anonymous.get("/open311/v2/discovery.json").status()).as("discovery is not a list").isEqualTo(200);
	}

}
