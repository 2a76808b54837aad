package org.yixian.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL is killed under a running application (on its own data
 * directory): requests fail fast with 503, readiness reports it, a correct password is
 * not called wrong, and the supervisor starts the server again with every committed row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "yixian.data-dir=target/test-data/outage", "yixian.embedded-db.wipe=true",
				"yixian.embedded-db.watch-interval=40s" })
class DatabaseOutageIT {

	@LocalServerPort
	int port;

	@Test
	void a_killed_database_gives_fast_503s_an_honest_login_page_and_comes_back_by_itself() throws Exception {
		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		assertThat(
				admin
					.post("/api/v1/units",
							"{\"code\":\"OUTAGE-1\",\"name\":\"停机前建的单位\",\"kind\":\"STREET\","
									+ "\"parentCode\":\"DC\"}")
					.status())
			.isEqualTo(201);
		Path pid = Path.of("target/test-data/outage/pg/postmaster.pid");
		long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).strip());
		ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
		awaitGone(postmaster);

		Api browser = Api.browser(this.port);
		assertThat(browser.formLogin("admin", Demo.PASSWORD)).contains("/login?unavailable");
		long started = System.nanoTime();
		Api.Response during = admin.get("/api/v1/units/OUTAGE-1");
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		assertThat(during.status()).isIn(401, 503);
		assertThat(during.status()).as("a database outage is not the caller's fault").isEqualTo(503);
		assertThat(millis).as("fails fast").isLessThan(8000);
		assertThat(Api.anonymous(this.port).get("/manage/health/readiness").status()).isEqualTo(503);
		assertThat(Api.anonymous(this.port).get("/manage/health/liveness").status()).isEqualTo(200);
		Api.Response after = null;
		for (int i = 0; i < 90; i++) {
			Thread.sleep(1000);
			after = admin.get("/api/v1/units/OUTAGE-1");
			if (after.status() == 200) {
				break;
			}
		}
		assertThat(after.status()).as("the supervisor restarted the server").isEqualTo(200);
		assertThat(after.json().path("name").asString()).isEqualTo("停机前建的单位");
		assertThat(Api.anonymous(this.port).get("/manage/health/readiness").status()).isEqualTo(200);
		assertThat(Map.of()).isEmpty();
	}

	private static void awaitGone(long pid) throws InterruptedException {
		for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
			Thread.sleep(100);
		}
	}

}
