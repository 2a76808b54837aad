package org.yixian.shared;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * (default 10).
 */
@Component
public class ReadReplica implements DisposableBean {

	private final JdbcClient jdbc;

	private final HikariDataSource pool;

	private final DataSource primaryDataSource;

	@org.springframework.beans.factory.annotation.Autowired
	public ReadReplica(JdbcClient primary, DataSource primaryDataSource, Environment environment) {
		this(primary, primaryDataSource, replicaPool(environment));
	}

	ReadReplica(JdbcClient primary, DataSource primaryDataSource, HikariDataSource pool) {
		this.pool = pool;
		this.primaryDataSource = primaryDataSource;
		this.jdbc = (pool != null) ? JdbcClient.create(pool) : primary;
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
		pool.setConnectionTimeout(3_000);
		pool.addDataSourceProperty("ApplicationName", "yixian-replica");
		// the driver refuses writes on this pool even in autocommit, not only inside
		// transactions
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
		JdbcTemplate template = new JdbcTemplate((this.pool != null) ? this.pool : this.primaryDataSource);
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

	@Override
	public void destroy() {
		if (this.pool != null) {
			this.pool.close();
		}
	}

}
