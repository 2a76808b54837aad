package org.yixian.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one node only: every node's scheduler fires, the node that
 * takes the job's lease in {@code job_leases} runs it, the others skip this run. A lease
 * is held at least {@code atLeast} (so that a node whose clock or scheduler fires a
 * little later does not run the same occurrence again) and at most {@code atMost} (so
 * that a node that died while running does not block the job for ever).
 */
@Component
public class JobLeases {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ClusterSignals signals;

	JobLeases(JdbcClient jdbc, Clock clock, ClusterSignals signals) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.signals = signals;
	}

	/**
	 * Runs the job if this node gets its lease.
	 * @return whether it ran here
	 */
	public boolean runOnce(String name, Duration atLeast, Duration atMost, Runnable job) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		boolean taken = this.jdbc
			.sql("""
					insert into job_leases as l (name, locked_until, locked_at, locked_by, runs) values (?, ?, ?, ?, 1)
					on conflict (name) do update
					set locked_until = excluded.locked_until, locked_at = excluded.locked_at, locked_by = excluded.locked_by,
					    runs = l.runs + 1
					where l.locked_until <= excluded.locked_at
					returning name""")
			.params(name, now.plus(atMost), now, this.signals.node())
			.query(String.class)
			.optional()
			.isPresent();
		if (!taken) {
			return false;
		}
		try {
			job.run();
		}
		finally {
			OffsetDateTime end = OffsetDateTime.now(this.clock);
			OffsetDateTime until = now.plus(atLeast);
			this.jdbc.sql("update job_leases set locked_until = ? where name = ? and locked_by = ? and locked_at = ?")
				.params(until.isAfter(end) ? until : end, name, this.signals.node(), now)
				.update();
		}
		return true;
	}

}
