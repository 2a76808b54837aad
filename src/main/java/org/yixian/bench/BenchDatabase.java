package org.yixian.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bench's side of the application's own PostgreSQL (reached on 127.0.0.1 with the
 * data folder's password): counts, the plain-SQL scorecard, pgbench's ceiling and the
 * wait for the listeners' backlog.
 */
final class BenchDatabase {

	private final String port;

	private final Path dataDir;

	BenchDatabase(String port, Path dataDir) {
		this.port = port;
		this.dataDir = dataDir;
	}

	/**
	 * Waits (at most five minutes) until no event publication is incomplete.
	 * @return the seconds it took
	 */
	double drainSeconds() throws Exception {
		long t0 = System.nanoTime();
		try (Connection db = connect()) {
			while (count(db, "select count(*) from event_publication where completion_date is null") > 0
					&& System.nanoTime() - t0 < Duration.ofMinutes(5).toNanos()) {
				Thread.sleep(250);
			}
		}
		return (System.nanoTime() - t0) / 1e9;
	}

	/**
	 * A month's per-unit scorecard as one plain SQL over the cases (median of three).
	 */
	static double scorecardMs(Connection db) throws Exception {
		String sql = """
				select u.code,
				       count(*) as dispatched,
				       count(*) filter (where s.met_at is not null and s.met_at <= s.due_at) as signed_in_time,
				       count(*) filter (where c.visit_resolved is not null) as visited,
				       count(*) filter (where c.visit_resolved = 'RESOLVED') as resolved,
				       count(*) filter (where c.visit_resolved = 'PARTLY') as partly,
				       count(*) filter (where c.visit_satisfaction = 'SATISFIED') as satisfied,
				       count(*) filter (where c.visit_satisfaction = 'BASICALLY') as basically
				from cases c join units u on u.id = c.assigned_unit_id
				left join case_deadlines s on s.case_id = c.id and s.kind = 'SIGN'
				where c.dispatched_at >= date_trunc('month', now()) - interval '1 month'
				  and c.dispatched_at < date_trunc('month', now())
				group by u.code""";
		List<Double> runs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			long t0 = System.nanoTime();
			try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
				while (rs.next()) {
					rs.getLong(2);
				}
			}
			double ms = (System.nanoTime() - t0) / 1e6;
			runs.add(Math.round(ms * 10) / 10.0);
		}
		runs.sort(Double::compare);
		return runs.get(1);
	}

	/**
	 * PostgreSQL's own ceiling: single-row inserts of a case-sized row for 10 s at each
	 * number of clients.
	 */
	Map<String, Object> pgbench(int... clientCounts) throws Exception {
		Map<String, Object> out = new LinkedHashMap<>();
		if (!Files.isExecutable(Path.of("/usr/bin/pgbench"))) {
			out.put("skipped", "pgbench not installed (apt-get install postgresql-client)");
			return out;
		}
		try (Connection db = connect(); Statement st = db.createStatement()) {
			st.execute("create table if not exists bench_ceiling (id bigserial primary key, payload text)");
		}
		Path script = Files.createTempFile("pgbench", ".sql");
		Files.writeString(script, "insert into bench_ceiling (payload) values (repeat('诉求内容', 150));\n");
		for (int clients : clientCounts) {
			ProcessBuilder pb = new ProcessBuilder("pgbench", "-n", "-h", "127.0.0.1", "-p", this.port, "-U",
					"postgres", "-f", script.toString(), "-c", Integer.toString(clients), "-j",
					Integer.toString(Math.min(clients, 2)), "-T", "10", "yixian")
				.redirectErrorStream(true);
			pb.environment().put("PGPASSWORD", password());
			Process process = pb.start();
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
			String tps = text.lines().filter((l) -> l.startsWith("tps")).findFirst().orElse(text.strip());
			out.put("inserts_" + clients + "_clients", tps.replaceAll("^tps = ([0-9.]+).*$", "$1"));
		}
		try (Connection db = connect(); Statement st = db.createStatement()) {
			st.execute("drop table bench_ceiling");
		}
		return out;
	}

	Connection connect() throws Exception {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.port + "/yixian", "postgres",
				password());
	}

	private String password() throws IOException {
		return Files.readString(this.dataDir.resolve("db-password")).strip();
	}

	static long count(Connection db, String sql) throws Exception {
		try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
