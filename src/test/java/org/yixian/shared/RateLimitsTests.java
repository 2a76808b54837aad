package org.yixian.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Limits and leases counted in PostgreSQL (what several nodes share); the two-node test
 * is {@code TwoNodesIT}.
 */
@WebTest
class RateLimitsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JobLeases leases;

	@Test
	void a_client_gets_its_minute_then_waits_its_day_and_another_client_is_not_affected() {
		MovableClock clock = new MovableClock();
		String scope = scope();
		RateLimits.Limiter limiter = new RateLimits(this.jdbc, clock).limiter(scope, 3, 5);
		limiter.check("1.2.3.4");
		limiter.check("1.2.3.4");
		limiter.check("1.2.3.4");
		long toMinuteEnd = Math.max(1,
				Duration
					.between(clock.now, clock.now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60))
					.toSeconds());
		assertThatThrownBy(() -> limiter.check("1.2.3.4")).isInstanceOfSatisfying(RateLimitedException.class,
				(ex) -> assertThat(ex.retryAfterSeconds()).as("until the minute ends").isEqualTo(toMinuteEnd));
		limiter.check("5.6.7.8");
		clock.now = clock.now.plus(Duration.ofSeconds(61));
		limiter.check("1.2.3.4");
		limiter.check("1.2.3.4");
		long toDayEnd = Duration
			.between(clock.now, clock.now.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1)))
			.toSeconds();
		assertThatThrownBy(() -> limiter.check("1.2.3.4")).isInstanceOfSatisfying(RateLimitedException.class,
				(ex) -> assertThat(ex.retryAfterSeconds()).as("until the day ends").isEqualTo(toDayEnd));
		assertThat(this.jdbc.sql("""
				select hits from rate_counters where scope = ? and client = '1.2.3.4' and span = 'm'
				order by window_start desc limit 1""").param(scope).query(Integer.class).single())
			.as("the act refused by its day is given back to its minute")
			.isEqualTo(2);
		clock.now = clock.now.plus(Duration.ofDays(1));
		limiter.check("1.2.3.4");
	}

	@Test
	void concurrent_acts_never_take_more_than_the_limit() throws Exception {
		RateLimits.Limiter limiter = new RateLimits(this.jdbc, new MovableClock()).limiter(scope(), 7, 100);
		AtomicInteger passed = new AtomicInteger();
		Thread[] threads = new Thread[8];
		for (int t = 0; t < threads.length; t++) {
			threads[t] = new Thread(() -> {
				for (int i = 0; i < 5; i++) {
					try {
						limiter.check("9.9.9.9");
						passed.incrementAndGet();
					}
					catch (RateLimitedException ex) {
						// expected for most
					}
				}
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(passed.get()).isEqualTo(7);
	}

	@Test
	void a_lease_lets_one_run_through_and_holds_at_least_its_minimum() {
		String job = scope();
		AtomicInteger runs = new AtomicInteger();
		assertThat(this.leases.runOnce(job, Duration.ofMinutes(1), Duration.ofMinutes(5), runs::incrementAndGet))
			.isTrue();
		assertThat(this.leases.runOnce(job, Duration.ofMinutes(1), Duration.ofMinutes(5), runs::incrementAndGet))
			.isFalse();
		this.jdbc.sql("update job_leases set locked_until = now() - interval '1 second' where name = ?")
			.param(job)
			.update();
		assertThat(this.leases.runOnce(job, Duration.ZERO, Duration.ofMinutes(5), runs::incrementAndGet)).isTrue();
		assertThat(runs.get()).isEqualTo(2);
	}

	private static String scope() {
		return "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static final class MovableClock extends java.time.Clock {

		Instant now = Instant.parse("2026-03-10T02:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public java.time.Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
