package org.yixian.database;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Watches the embedded PostgreSQL and starts it again when it stops unexpectedly (killed,
 * out of memory), with a clear log line; reports it as a health contributor so that
 * readiness goes down while it is away. Requests meanwhile fail fast (a short pool
 * timeout) with 503.
 */
class EmbeddedDatabaseSupervisor implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseSupervisor.class);

	private final EmbeddedPostgresServer server;

	private final AtomicBoolean down = new AtomicBoolean();

	EmbeddedDatabaseSupervisor(EmbeddedPostgresServer server) {
		this.server = server;
	}

	@Scheduled(initialDelayString = "${yixian.embedded-db.watch-interval:2s}",
			fixedDelayString = "${yixian.embedded-db.watch-interval:2s}")
	void watch() {
		if (this.server.isAlive()) {
			if (this.down.compareAndSet(true, false)) {
				log.warn("Embedded PostgreSQL is back");
			}
			return;
		}
		if (this.down.compareAndSet(false, true)) {
			log.error("Embedded PostgreSQL has stopped unexpectedly; restarting it");
		}
		try {
			this.server.restart();
		}
		catch (IOException | RuntimeException ex) {
			log.error("Could not restart the embedded PostgreSQL yet: {}", ex.getMessage());
		}
	}

	@Override
	public Health health() {
		return this.server.isAlive() ? Health.up().build()
				: Health.down().withDetail("embeddedPostgres", "restarting").build();
	}

}
