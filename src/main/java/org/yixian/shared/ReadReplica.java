package org.yixian.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.stereotype.Component;

/**
 * Where read-heavy pages read: the work lists and their counts, the dashboards and
 * scorecards, the public request lists. With {@code yixian.datasource.replica.url} set (a
 * streaming replica of the database) they read from it, through a pool of their own;
 * without it, from the database itself, as before. Everything that decides or writes, and
 * every page a user returns to right after acting (a case, its timeline, the progress
 * lookup), reads the primary: a replica may lag by its replication delay.
 * <p>
 * The replica's pool is read-only ({@code Connection.setReadOnly}) and named
 * {@code yixian-replica}; its size is {@code yixian.datasource.replica.maximum-pool-size}
 * (default 10). When the replica cannot be reached (no connection within a second), these
 * reads go to the primary for {@code yixian.datasource.replica.retry-after} (default 30
 * s) before the replica is tried again, so a replica's outage slows one request, not
 * every list; the health endpoint's {@code readReplica} component tells which one is read
 * and the replica's delay.
 */
@Component
public class ReadReplica implements DisposableBean, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);

	private final JdbcClient jdbc;

	private final HikariDataSource pool;

	private final DataSource primaryDataSource;

	/** The replica's pool while it answers, the primary's while it does not. */
	private final DataSource routing;

	private final long retryAfterNanos;

	/** Whether the replica failed; its reads go to the primary until {@link #retryAt}. */
	private volatile boolean left;

	private final AtomicLong retryAt = new AtomicLong();

	private volatile String failure;

	private volatile Instant failedAt;

	private final AtomicLong fallbacks = new AtomicLong();

	@org.springframework.beans.factory.annotation.Autowired
	public ReadReplica(JdbcClient primary, DataSource primaryDataSource, Environment environment) {
		this(primary, primaryDataSource, replicaPool(environment), environment
			.getProperty("yixian.datasource.replica.retry-after", Duration.class, Duration.ofSeconds(30)));
	}

	ReadReplica(JdbcClient primary, DataSource primaryDataSource, HikariDataSource pool, Duration retryAfter) {
		this.pool = pool;
		this.primaryDataSource = primaryDataSource;
		this.retryAfterNanos = retryAfter.toNanos();
		this.routing = (pool != null) ? new Routing() : primaryDataSource;
		this.jdbc = (pool != null) ? JdbcClient.create(this.routing) : primary;
	}

	private static HikariDataSource replicaPool(Environment environment) {
		String url = environment.getProperty("yixian.datasource.replica.url", "").strip();
		if (url.isEmpty()) {
			return null;
		}
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername(environment.getProperty("yixian.datasource.replica.username",
				environment.getProperty("spring.datasource.username", "")));
		pool.setPassword(environment.getProperty("yixian.datasource.replica.password",
				environment.getProperty("spring.datasource.password", "")));
		configure(pool, environment.getProperty("yixian.datasource.replica.maximum-pool-size", Integer.class, 10));
		return pool;
	}

	static void configure(HikariDataSource pool, int size) {
		pool.setPoolName("yixian-replica");
		pool.setReadOnly(true);
		pool.setMaximumPoolSize(size);
		pool.setMinimumIdle(1);
		// no connection within a second: the replica is left for a while (Routing)
		pool.setConnectionTimeout(1_000);
		pool.addDataSourceProperty("ApplicationName", "yixian-replica");
		// the driver refuses writes here even in autocommit
		pool.addDataSourceProperty("readOnlyMode", "always");
	}

	/**
	 * The client for reads that may lag.
	 */
	public JdbcClient jdbc() {
		return this.jdbc;
	}

	/**
	 * A client for the same reads whose statements the driver cancels after the timeout
	 * (rounded up to whole seconds, as JDBC counts them): for reads whose cost depends on
	 * what a person typed. A cancelled statement fails with SQL state
	 * {@value #CANCELLED}.
	 */
	public JdbcClient jdbc(Duration timeout) {
		JdbcTemplate template = new JdbcTemplate(this.routing);
		template.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
		return JdbcClient.create(template);
	}

	/** PostgreSQL's SQL state of a statement cancelled on request (its timeout). */
	public static final String CANCELLED = "57014";

	/**
	 * Whether the failure is a statement cancelled by its timeout.
	 */
	public static boolean cancelled(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof java.sql.SQLException sql && CANCELLED.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a replica is configured.
	 */
	public boolean configured() {
		return this.pool != null;
	}

	/**
	 * Whether the replica is being read (false while its reads go to the primary, and
	 * without a replica).
	 */
	public boolean readingReplica() {
		return this.pool != null && (!this.left || System.nanoTime() - this.retryAt.get() >= 0);
	}

	@Override
	public Health health() {
		if (this.pool == null) {
			return Health.up().withDetail("configured", false).build();
		}
		if (!readingReplica()) {
			// the node serves: the primary answers the replica's reads meanwhile
			return Health.up()
				.withDetail("reading", "primary")
				.withDetail("replicaFailedAt", String.valueOf(this.failedAt))
				.withDetail("failure", String.valueOf(this.failure))
				.withDetail("readsSentToPrimary", this.fallbacks.get())
				.build();
		}
		try {
			Double delay = this.jdbc.sql("""
					select case when not pg_is_in_recovery() then -1
					  when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
					  else extract(epoch from now() - pg_last_xact_replay_timestamp()) end""")
				.query(Double.class)
				.optional()
				.orElse(null);
			Health.Builder health = Health.up()
				.withDetail("reading", readingReplica() ? "replica" : "primary")
				.withDetail("standby", delay != null && delay >= 0)
				.withDetail("readsSentToPrimary", this.fallbacks.get());
			if (delay != null && delay >= 0) {
				// 0 when the standby has replayed all it received
				health.withDetail("replicationDelaySeconds", delay);
			}
			return health.build();
		}
		catch (RuntimeException ex) {
			return Health.up().withDetail("reading", "primary").withDetail("failure", ex.getMessage()).build();
		}
	}

	private void replicaFailed(Exception ex) {
		boolean first = !this.left;
		this.failure = ex.getMessage();
		this.failedAt = Instant.now();
		this.retryAt.set(System.nanoTime() + this.retryAfterNanos);
		this.left = true;
		if (first) {
			log.warn("Read replica unreachable ({}); its reads go to the primary for {} s", ex.getMessage(),
					this.retryAfterNanos / 1_000_000_000);
		}
	}

	/**
	 * Hands out the replica's connections, or the primary's while the replica is left.
	 */
	private final class Routing extends AbstractDataSource {

		@Override
		public Connection getConnection() throws SQLException {
			ReadReplica replica = ReadReplica.this;
			if (!replica.left || retryNow()) {
				try {
					Connection connection = replica.pool.getConnection();
					if (replica.left) {
						replica.left = false;
						log.info("Read replica reachable again; lists and dashboards read it");
					}
					return connection;
				}
				catch (SQLTransientConnectionException ex) {
					if (ex.getCause() != null || replica.left) {
						// no connection could be made (Hikari names the last failure)
						replicaFailed(ex);
					}
					// else every connection of the pool was busy for a second: this read
					// goes to the primary, the replica stays
				}
				catch (SQLException | RuntimeException ex) {
					// the pool could not start
					replicaFailed(ex);
				}
			}
			replica.fallbacks.incrementAndGet();
			Connection primary = replica.primaryDataSource.getConnection();
			// the pool restores it when the connection is returned
			primary.setReadOnly(true);
			return primary;
		}

		/**
		 * Whether this request is the one that tries a left replica again (one at a time,
		 * once per pause).
		 */
		private boolean retryNow() {
			long at = ReadReplica.this.retryAt.get();
			long now = System.nanoTime();
			return now - at >= 0 && ReadReplica.this.retryAt.compareAndSet(at, now + ReadReplica.this.retryAfterNanos);
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

	}

	@Override
	public void destroy() {
		if (this.pool != null) {
			this.pool.close();
		}
	}

}
