package org.yixian.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty people acting on one case at the same moment: exactly one wins each version, and
 * the timeline stays complete and chained.
 */
@WebTest
class ConcurrentActionsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Timeline timeline;

	@Test
	void twenty_threads_on_the_same_version_leave_exactly_one_change() throws Exception {
		long id = newCase();
		Api dispatcher = Api.bearer(this.port, token());
		int version = dispatcher.get("/api/v1/cases/" + id).json().path("version").asInt();
		List<Integer> statuses = race(20,
				(i) -> dispatcher
					.post("/api/v1/cases/" + id + "/actions/supervise",
							"{\"version\":" + version + ",\"note\":\"督办 " + i + "\"}")
					.status());
		assertThat(statuses).filteredOn((s) -> s == 200).hasSize(1);
		assertThat(statuses).filteredOn((s) -> s == 409).hasSize(19);
		assertThat(supervisions(id)).isEqualTo(1);
		assertThat(dispatcher.get("/api/v1/cases/" + id).json().path("version").asInt()).isEqualTo(version + 1);
		assertThat(this.timeline.verify(id)).isTrue();
	}

	@Test
	void twenty_threads_that_retry_on_conflict_all_land_in_one_consistent_timeline() throws Exception {
		long id = newCase();
		Api dispatcher = Api.bearer(this.port, token());
		int start = dispatcher.get("/api/v1/cases/" + id).json().path("version").asInt();
		List<Integer> attempts = race(20, (i) -> {
			for (int attempt = 1; attempt <= 200; attempt++) {
				int version = dispatcher.get("/api/v1/cases/" + id).json().path("version").asInt();
				int status = dispatcher
					.post("/api/v1/cases/" + id + "/actions/supervise",
							"{\"version\":" + version + ",\"note\":\"督办 " + i + "\"}")
					.status();
				if (status == 200) {
					return attempt;
				}
				assertThat(status).isEqualTo(409);
			}
			return -1;
		});
		assertThat(attempts).doesNotContain(-1);
		assertThat(supervisions(id)).isEqualTo(20);
		assertThat(dispatcher.get("/api/v1/cases/" + id).json().path("version").asInt()).isEqualTo(start + 20);
		assertThat(this.timeline.verify(id)).isTrue();
		List<String> notes = this.jdbc
			.sql("select comment from case_events where case_id = ? and action = 'supervise' order by id")
			.param(id)
			.query(String.class)
			.list();
		assertThat(notes).doesNotHaveDuplicates().hasSize(20);
	}

	private long newCase() {
		Api.Response created = Api.basic(this.port, "operator", Demo.PASSWORD).post("/api/v1/cases", """
				{"kind":"DEMAND","type":"COMPLAINT","channel":"PHONE","title":"并发测试","content":"同一案件的并发督办",
				 "categoryCode":"0103","areaUnitCode":"DC-DF-01"}""");
		assertThat(created.status()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private String token() {
		return Api.basic(this.port, "dispatcher", Demo.PASSWORD)
			.post("/api/v1/tokens", "{\"name\":\"race\"}")
			.json()
			.path("token")
			.asString();
	}

	private long supervisions(long id) {
		return this.jdbc.sql("select count(*) from case_events where case_id = ? and action = 'supervise'")
			.param(id)
			.query(Long.class)
			.single();
	}

	static List<Integer> race(int threads, Task task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> futures = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			int n = i;
			futures.add(pool.submit(() -> {
				go.await();
				return task.run(n);
			}));
		}
		go.countDown();
		List<Integer> results = new ArrayList<>();
		for (Future<Integer> future : futures) {
			results.add(future.get(120, TimeUnit.SECONDS));
		}
		pool.shutdown();
		return results;
	}

	interface Task {

		int run(int index) throws Exception;

	}

}
