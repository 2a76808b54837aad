package org.yixian.casework;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.yixian.organisation.Actor;
import org.yixian.shared.ConflictException;
import org.yixian.shared.InvalidInputException;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Group commit of intakes ({@link IntakeGroups}): cases taken in together in one
 * transaction are each complete (number, timeline with an intact hash chain, events); one
 * case that fails in a group does not fail the others; an idempotency key gives one case
 * however many requests race with it.
 */
@WebTest
class IntakeGroupsTests {

	@LocalServerPort
	int port;

	@Autowired
	CaseIntake intake;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	UserDetailsService users;

	@Autowired
	Timeline timeline;

	@Autowired
	JdbcClient jdbc;

	private static NewCase demand(String title) {
		return new NewCase(CaseKind.DEMAND, DemandType.COMPLAINT, Channel.API, title, "夜间施工噪音，影响休息", "0103", "XC-XG-01",
				null, null, null, null, new NewCase.Complainant("王", "13800000000", null, false), null, null, null);
	}

	@Test
	void a_group_takes_its_cases_in_together_and_a_failing_case_fails_alone() throws Exception {
		Actor operator = (Actor) this.users.loadUserByUsername("operator");
		// one lane that waits for the whole burst: the cases below form one group
		IntakeGroups groups = new IntakeGroups(this.intake, this.transactions, 1, 64, 1_500_000);
		String marker = "组提交-" + UUID.randomUUID().toString().substring(0, 8);
		String shared = UUID.randomUUID().toString();
		String conflicting = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Callable<Object>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String title = marker + " 独立 " + i;
				calls.add(() -> groups.receive(demand(title), operator, null, CaseIntake.Extras.NONE));
			}
			for (int i = 0; i < 5; i++) {
				calls.add(() -> groups.receive(demand(marker + " 同一键"), operator, shared, CaseIntake.Extras.NONE));
			}
			// the same key with two different bodies: one case, the other request a
			// conflict
			calls.add(() -> groups.receive(demand(marker + " 冲突甲"), operator, conflicting, CaseIntake.Extras.NONE));
			calls.add(() -> groups.receive(demand(marker + " 冲突乙"), operator, conflicting, CaseIntake.Extras.NONE));
			List<Future<Object>> futures = new ArrayList<>();
			for (Callable<Object> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					try {
						return call.call();
					}
					catch (RuntimeException ex) {
						return ex;
					}
				}));
			}
			start.countDown();
			List<Object> answers = new ArrayList<>();
			for (Future<Object> future : futures) {
				answers.add(future.get());
			}

			assertThat(groups.counts()[2]).as("the group with the conflict was retried case by case").isEqualTo(1);

			List<CaseIntake.Receipt> independent = answers.subList(0, 8)
				.stream()
				.map(CaseIntake.Receipt.class::cast)
				.toList();
			assertThat(independent).allSatisfy((r) -> {
				assertThat(r.created()).isTrue();
				assertThat(r.status()).isEqualTo("DISPATCHED");
			});
			assertThat(independent.stream().map(CaseIntake.Receipt::number).distinct()).hasSize(8);

			List<CaseIntake.Receipt> sameKey = answers.subList(8, 13)
				.stream()
				.map(CaseIntake.Receipt.class::cast)
				.toList();
			assertThat(sameKey.stream().map(CaseIntake.Receipt::id).distinct()).hasSize(1);
			assertThat(sameKey.stream().filter(CaseIntake.Receipt::created)).hasSize(1);

			List<Object> pair = answers.subList(13, 15);
			assertThat(pair.stream().filter(CaseIntake.Receipt.class::isInstance)).hasSize(1);
			assertThat(pair.stream().filter(ConflictException.class::isInstance)).hasSize(1);

			assertThat(this.jdbc.sql("select count(*) from cases where title like ?")
				.param(marker + "%")
				.query(Long.class)
				.single()).as("8 independent, 1 for the shared key, 1 for the conflicting key").isEqualTo(10);
			List<Long> ids = this.jdbc.sql("select id from cases where title like ?")
				.param(marker + "%")
				.query(Long.class)
				.list();
			assertThat(ids).allSatisfy((id) -> assertThat(this.timeline.verify(id)).isTrue());
			// every case's events reach the other modules through the publication
			// registry
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.jdbc.sql(
						"select count(*) from metric_cases where registered and case_id in (select id from cases where title like ?)")
					.param(marker + "%")
					.query(Long.class)
					.single()).isEqualTo(10));
		}
		finally {
			pool.shutdownNow();
			groups.destroy();
		}
	}

	@Test
	void a_bad_case_is_refused_before_it_joins_a_group() throws Exception {
		Actor operator = (Actor) this.users.loadUserByUsername("operator");
		IntakeGroups groups = new IntakeGroups(this.intake, this.transactions, 1, 64, 0);
		try {
			NewCase bad = new NewCase(CaseKind.DEMAND, DemandType.COMPLAINT, Channel.API, "坏的", "未知地区", "0103",
					"NO-SUCH-UNIT", null, null, null, null, null, null, null, null);
			assertThat(catchThrowable(() -> groups.receive(bad, operator, null, CaseIntake.Extras.NONE)))
				.isInstanceOf(InvalidInputException.class);
		}
		finally {
			groups.destroy();
		}
	}

	@Test
	void racing_requests_with_one_idempotency_key_over_http_give_one_case() throws Exception {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		String key = UUID.randomUUID().toString();
		String title = "并发幂等-" + key.substring(0, 8);
		String body = """
				{"kind":"DEMAND","type":"COMPLAINT","channel":"API","title":"%s","content":"夜间施工噪音",
				 "categoryCode":"0103","areaUnitCode":"XC-XG-01"}""".formatted(title);
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Api.Response>> answers = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				Map<String, String> headers = (i % 2 == 0) ? Map.of("Idempotency-Key", key)
						: Map.of("Idempotency-Key", key, "Prefer", "return=minimal");
				answers.add(pool.submit(() -> {
					start.await();
					return operator.post("/api/v1/cases", body, headers);
				}));
			}
			start.countDown();
			List<Long> ids = new ArrayList<>();
			int created = 0;
			for (Future<Api.Response> answer : answers) {
				Api.Response response = answer.get();
				assertThat(response.status()).isIn(200, 201);
				created += (response.status() == 201) ? 1 : 0;
				ids.add(response.json().path("id").asLong());
			}
			assertThat(created).isEqualTo(1);
			assertThat(ids.stream().distinct()).hasSize(1);
			assertThat(
					this.jdbc.sql("select count(*) from cases where title = ?").param(title).query(Long.class).single())
				.isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		return org.assertj.core.api.Assertions.catchThrowable(call);
	}

}
