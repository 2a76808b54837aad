package org.yixian.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTest {

	@TempDir
	Path dataDir;

	@Test
	void committed_data_survives_a_stop_and_a_restart() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDir, 0, false)) {
			execute(server, "create table kept (v text)", "insert into kept values ('一线')");
		}
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDir, 0, false)) {
			assertThat(single(server, "select v from kept")).isEqualTo("一线");
		}
	}

	@Test
	void a_second_instance_on_the_same_data_directory_is_refused_with_a_clear_message() {
		try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(this.dataDir, 0, false)) {
			assertThatThrownBy(() -> EmbeddedPostgresServer.start(this.dataDir, 0, false))
				.isInstanceOf(EmbeddedDatabaseException.class)
				.hasMessageContaining("another Yixian instance")
				.hasMessageContaining(this.dataDir.toAbsolutePath().toString());
		}
	}

	@Test
	void a_stale_pid_file_from_a_dead_postmaster_does_not_stop_the_next_start() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDir, 0, false)) {
			execute(server, "create table kept (v text)", "insert into kept values ('ok')");
		}
		Files.writeString(this.dataDir.resolve("pg/postmaster.pid"), "999999\n" + this.dataDir + "/pg\n");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDir, 0, false)) {
			assertThat(single(server, "select v from kept")).isEqualTo("ok");
		}
	}

	@Test
	void after_the_application_is_killed_the_next_start_recovers_committed_data_and_the_orphaned_postmaster()
			throws Exception {
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), CrashingApplication.class.getName(), this.dataDir.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null && !line.equals(CrashingApplication.READY)) {
				// wait until the child has committed its row
			}
			assertThat(line).isEqualTo(CrashingApplication.READY);
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		PostmasterPid orphan = PostmasterPid.read(this.dataDir.resolve("pg"));
		assertThat(orphan).isNotNull();
		assertThat(orphan.isAlivePostgres()).as("the postmaster outlived the killed application").isTrue();

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDir, 0, false)) {
			assertThat(single(server, "select v from kept")).isEqualTo("committed before the crash");
			assertThat(orphan.isAlivePostgres()).isFalse();
		}
	}

	static void execute(EmbeddedPostgresServer server, String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
				server.password()); var statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	static String single(EmbeddedPostgresServer server, String query) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
				server.password());
				var statement = connection.createStatement();
				var rs = statement.executeQuery(query)) {
			rs.next();
			return rs.getString(1);
		}
	}

	/**
	 * Started in a child JVM: commits a row, says so, and waits to be killed.
	 */
	public static final class CrashingApplication {

		static final String READY = "READY";

		public static void main(String[] args) throws Exception {
			EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0, false);
			execute(server, "create table kept (v text)", "insert into kept values ('committed before the crash')");
			System.out.println(READY);
			System.out.flush();
			Thread.sleep(600_000);
		}

	}

}
