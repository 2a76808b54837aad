package org.yixian.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes rate-limit windows older than two days, once an hour on one node.
 */
@Component
class RateLimitCleanup {

	private final JdbcClient jdbc;

	private final JobLeases leases;

	private final Clock clock;

	RateLimitCleanup(JdbcClient jdbc, JobLeases leases, Clock clock) {
		this.jdbc = jdbc;
		this.leases = leases;
		this.clock = clock;
	}

	@Scheduled(cron = "${yixian.public.counter-cleanup-cron:0 7 * * * *}")
	void cleanup() {
		this.leases.runOnce("rate-counter-cleanup", Duration.ofMinutes(5), Duration.ofMinutes(30), this::deleteOld);
	}

	int deleteOld() {
		return this.jdbc.sql("delete from rate_counters where window_start < ?")
			.param(OffsetDateTime.now(this.clock).minusDays(2))
			.update();
	}

}
