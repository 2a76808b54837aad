package org.yixian.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells every node sharing the database that something changed, through PostgreSQL's
 * {@code NOTIFY}: a signal sent inside a transaction is delivered when it commits (and
 * never if it rolls back). Each node listens on one connection of its own and publishes
 * what arrives as a {@link ClusterSignal} application event, typically within a few
 * milliseconds, at worst {@value #POLL_MILLIS} ms plus the network. When the listening
 * connection is lost, the node reconnects and publishes a resync signal, since signals
 * may have been missed meanwhile.
 */
@Component
public class ClusterSignals implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);

	static final String CHANNEL = "yixian_signals";

	static final int POLL_MILLIS = 200;

	private final String node = UUID.randomUUID().toString().substring(0, 8);

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final ApplicationEventPublisher events;

	private final boolean enabled;

	private final Map<String, List<Runnable>> drops = new ConcurrentHashMap<>();

	private volatile boolean running;

	private Thread listener;

	ClusterSignals(JdbcTemplate jdbc, DataSource dataSource, ApplicationEventPublisher events,
			@Value("${yixian.cluster.signals:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.events = events;
		this.enabled = enabled;
	}

	/**
	 * Announces that {@code key} of {@code topic} changed; within a transaction, when it
	 * commits. This node gets the signal too ({@link ClusterSignal#local()}).
	 */
	public void send(String topic, String key) {
		String payload = this.node + "|" + topic + "|" + key;
		this.jdbc.execute("select pg_notify(?, ?)", (java.sql.PreparedStatement ps) -> {
			ps.setString(1, CHANNEL);
			ps.setString(2, payload);
			ps.execute();
			return null;
		});
	}

	/**
	 * An in-memory snapshot that every node must drop when one node changes what it
	 * holds: {@code drop} runs here at once and again when the transaction ends
	 * ({@link AfterTransaction}), and on every other node when it commits.
	 */
	public Invalidation invalidation(String topic, Runnable drop) {
		this.drops.computeIfAbsent(topic, (t) -> new CopyOnWriteArrayList<>()).add(drop);
		return new Invalidation(topic, drop);
	}

	/**
	 * What a snapshot calls when it changed.
	 */
	public final class Invalidation {

		private final String topic;

		private final Runnable drop;

		private Invalidation(String topic, Runnable drop) {
			this.topic = topic;
			this.drop = drop;
		}

		public void changed() {
			AfterTransaction.nowAndAtEnd(this.drop);
			send(this.topic, "");
		}

	}

	@EventListener
	void on(ClusterSignal signal) {
		if (signal.resync()) {
			this.drops.values().forEach((list) -> list.forEach(Runnable::run));
		}
		else if (!signal.local()) {
			this.drops.getOrDefault(signal.topic(), List.of()).forEach(Runnable::run);
		}
	}

	/**
	 * This node's name in signals and job leases.
	 */
	public String node() {
		return this.node;
	}

	@Override
	public void start() {
		if (!this.enabled) {
			return;
		}
		this.running = true;
		Thread thread = new Thread(this::listen, "cluster-signals");
		thread.setDaemon(true);
		thread.start();
		this.listener = thread;
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.listener;
		if (thread != null) {
			try {
				thread.join(2 * POLL_MILLIS + 500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		boolean warned = false;
		// when signals were last known to arrive (0: never listened yet); a resync
		// after a lost connection names it, so that listeners can catch up from then
		long heard = 0;
		while (this.running) {
			try (Connection connection = open(); Statement statement = connection.createStatement()) {
				connection.setAutoCommit(true);
				statement.execute("listen " + CHANNEL);
				PGConnection pg = connection.unwrap(PGConnection.class);
				this.events.publishEvent(
						new ClusterSignal(ClusterSignal.RESYNC, (heard == 0) ? "" : Long.toString(heard), true));
				heard = System.currentTimeMillis();
				if (warned) {
					log.info("Listening to cluster signals again");
					warned = false;
				}
				while (this.running) {
					long asked = System.currentTimeMillis();
					PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
					heard = asked;
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							deliver(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				if (!warned) {
					log.warn("Cluster signals interrupted ({}); retrying every second", ex.getMessage());
					warned = true;
				}
				pause();
			}
		}
	}

	private void deliver(String payload) {
		String[] parts = payload.split("\\|", 3);
		if (parts.length == 3) {
			try {
				this.events.publishEvent(new ClusterSignal(parts[1], parts[2], this.node.equals(parts[0])));
			}
			catch (RuntimeException ex) {
				log.warn("A listener failed on cluster signal {}", payload, ex);
			}
		}
	}

	/**
	 * A connection of its own, outside the pool, so that listening never takes a pooled
	 * connection from the requests.
	 */
	private Connection open() throws SQLException {
		if (this.dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
			return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		}
		return this.dataSource.getConnection();
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
