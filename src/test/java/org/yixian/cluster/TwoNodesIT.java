package org.yixian.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.YixianApplication;
import org.yixian.catalog.Categories;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Yixian nodes in one JVM on one PostgreSQL (the same data directory, so the second
 * node reaches the server the first one started), as behind a load balancer: what one
 * node knows or decides, the other honours.
 */
class TwoNodesIT {

	private static final Path DATA = Path.of(System.getProperty("yixian.data-dir", "target/test-data/failsafe"))
		.resolveSibling("two-nodes");

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static int portA;

	private static int portB;

	@BeforeAll
	static void startTwoNodes() {
		a = start();
		b = start();
		portA = port(a);
		portB = port(b);
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(YixianApplication.class).run("--yixian.data-dir=" + DATA, "--server.port=0",
				"--yixian.public.submissions-per-minute=5", "--yixian.public.counter-cleanup-cron=* * * * * *",
				"--spring.datasource.hikari.maximum-pool-size=5", "--spring.autoconfigure.exclude=");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Test
	void a_page_session_from_one_node_is_known_to_the_other() {
		Api browser = Api.browser(portA);
		assertThat(browser.formLogin("supervisor", Demo.PASSWORD)).endsWith("/");
		Api.Response onB = browser.onPort(portB).get("/");
		assertThat(onB.status()).isEqualTo(200);
		assertThat(Api.browser(portB).get("/").status()).as("without the cookie").isEqualTo(302);
	}

	@Test
	void the_public_submission_limit_holds_across_both_nodes() throws InterruptedException {
		while (LocalTime.now().getSecond() > 50) {
			Thread.sleep(500);
		}
		a.getBean(JdbcClient.class).sql("delete from rate_counters where scope = 'submissions'").update();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Api citizen = Api.anonymous((i % 2 == 0) ? portA : portB);
			statuses.add(citizen.post("/api/v1/public/demands", """
					{"type":"COMPLAINT","title":"两节点限流","content":"路灯不亮","areaUnitCode":"XC-WH-01",
					 "name":"赵六","phone":"13700000001"}""").status());
		}
		assertThat(statuses.stream().filter((s) -> s == 201).count()).isEqualTo(5);
		assertThat(statuses.stream().filter((s) -> s == 429).count()).isEqualTo(5);
	}

	@Test
	void a_token_revoked_or_an_account_disabled_on_one_node_is_refused_by_the_other_within_a_second() {
		Api admin = Api.basic(portA, "admin", Demo.PASSWORD);
		String username = "node" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		assertThat(admin
			.post("/api/v1/users",
					"""
							{"username":"%s","password":"secret123","displayName":"两节点","unitCode":"DC-HP","roles":["SUPERVISOR"]}"""
						.formatted(username))
			.status()).isEqualTo(201);
		Api owner = Api.basic(portA, username, "secret123");

		Api.Response first = owner.post("/api/v1/tokens", "{\"name\":\"revoked\"}");
		Api onB = Api.bearer(portB, first.json().path("token").asString());
		assertThat(onB.get("/api/v1/users/me").status()).as("remembered on B").isEqualTo(200);
		assertThat(owner.delete("/api/v1/tokens/" + first.json().path("id").asLong()).status()).isEqualTo(204);
		assertThat(within(Duration.ofSeconds(1), () -> onB.get("/api/v1/users/me").status() == 401))
			.as("revoked on A, refused by B within a second")
			.isTrue();

		Api secondOnB = Api.bearer(portB,
				owner.post("/api/v1/tokens", "{\"name\":\"disabled\"}").json().path("token").asString());
		assertThat(secondOnB.get("/api/v1/users/me").status()).isEqualTo(200);
		Api page = Api.browser(portA);
		assertThat(page.formLogin(username, "secret123")).endsWith("/");
		Api pageOnB = page.onPort(portB);
		assertThat(pageOnB.get("/").status()).isEqualTo(200);

		assertThat(admin.post("/api/v1/users/" + username + "/actions/disable", "{}").status()).isEqualTo(200);
		assertThat(within(Duration.ofSeconds(1), () -> secondOnB.get("/api/v1/users/me").status() == 401))
			.as("disabled on A, its token refused by B within a second")
			.isTrue();
		assertThat(within(Duration.ofSeconds(1), () -> pageOnB.get("/").status() == 302))
			.as("and its page session ended on every node")
			.isTrue();
	}

	@Test
	void a_category_added_on_one_node_is_in_the_other_nodes_snapshot_within_a_second() {
		Categories onB = b.getBean(Categories.class);
		assertThat(onB.findByCode("9920")).as("B has loaded its snapshot without it").isEmpty();
		assertThat(Api.basic(portA, "admin", Demo.PASSWORD)
			.post("/api/v1/categories", "{\"code\":\"9920\",\"name\":\"两节点分类\",\"parentCode\":\"01\"}")
			.status()).isEqualTo(201);
		assertThat(within(Duration.ofSeconds(1), () -> onB.findByCode("9920").isPresent())).isTrue();
	}

	@Test
	void a_scheduled_job_runs_on_one_node_only() throws InterruptedException {
		JdbcClient jdbc = a.getBean(JdbcClient.class);
		jdbc.sql("delete from job_leases where name = 'rate-counter-cleanup'").update();
		Thread.sleep(3500);
		// Both nodes fire the clean-up every second; the lease (held five minutes) lets
		// one
		// of them run it once.
		assertThat(
				jdbc.sql("select runs from job_leases where name = 'rate-counter-cleanup'").query(Long.class).single())
			.isEqualTo(1);
	}

	private static boolean within(Duration limit, BooleanSupplier condition) {
		long deadline = System.nanoTime() + limit.toNanos();
		do {
			if (condition.getAsBoolean()) {
				return true;
			}
			sleep();
		}
		while (System.nanoTime() < deadline);
		return false;
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
