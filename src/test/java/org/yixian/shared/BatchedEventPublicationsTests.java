package org.yixian.shared;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Publications are written together just before their transaction commits: none while it
 * runs, none when it rolls back, one row per listener when it commits, completed
 * (deleted) once the listeners ran.
 */
@SpringBootTest
class BatchedEventPublicationsTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Listeners listeners;

	private long rows(String marker) {
		return this.jdbc.sql("select count(*) from event_publication where serialized_event like ?")
			.param("%" + marker + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void publications_are_written_at_commit_and_not_at_all_on_rollback() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		String rolledBack = "rb-" + UUID.randomUUID();
		transaction.executeWithoutResult((status) -> {
			this.events.publishEvent(new Probe(rolledBack));
			status.setRollbackOnly();
		});
		assertThat(rows(rolledBack)).isZero();

		String committed = "ok-" + UUID.randomUUID();
		long[] whileRunning = new long[1];
		transaction.executeWithoutResult((status) -> {
			this.events.publishEvent(new Probe(committed));
			this.events.publishEvent(new Probe(committed + "-2"));
			whileRunning[0] = rows(committed);
		});
		assertThat(whileRunning[0]).as("not written before the commit").isZero();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.listeners.seen()).contains("first:" + committed, "second:" + committed,
					"first:" + committed + "-2", "second:" + committed + "-2"));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rows(committed)).isZero());
		assertThat(this.listeners.seen()).noneMatch((s) -> s.endsWith(rolledBack));
	}

	@Test
	void a_committed_publication_is_in_the_database_while_its_listeners_run() {
		String held = "hold-" + UUID.randomUUID();
		this.listeners.hold();
		try {
			new TransactionTemplate(this.transactions)
				.executeWithoutResult((status) -> this.events.publishEvent(new Probe(held)));
			assertThat(rows(held)).as("one row per listener, written with the commit, kept until they finish")
				.isEqualTo(2);
		}
		finally {
			this.listeners.release();
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.listeners.seen()).contains("first:" + held, "second:" + held));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rows(held)).isZero());
	}

	record Probe(String marker) {
	}

	static class Listeners {

		private final List<String> seen = new CopyOnWriteArrayList<>();

		private volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);

		void hold() {
			this.gate = new java.util.concurrent.CountDownLatch(1);
		}

		void release() {
			this.gate.countDown();
		}

		private void pass(Probe probe) {
			if (probe.marker().startsWith("hold-")) {
				try {
					this.gate.await(20, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

		/** Through a method: the bean is a proxy (the listeners are asynchronous). */
		List<String> seen() {
			return this.seen;
		}

		@ApplicationModuleListener
		void first(Probe probe) {
			pass(probe);
			this.seen.add("first:" + probe.marker());
		}

		@ApplicationModuleListener
		void second(Probe probe) {
			pass(probe);
			this.seen.add("second:" + probe.marker());
		}

	}

	@TestConfiguration
	static class Config {

		@Bean
		Listeners batchedPublicationProbeListeners() {
			return new Listeners();
		}

	}

}
