package org.yixian.bench;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads synthetic cases — with their deadlines, unit tasks and hash-chained timelines —
 * through PostgreSQL COPY in chunks, printing progress.
 */
final class BulkLoader {

	private static final int CHUNK = 20_000;

	private final Connection connection;

	private final SyntheticCity city;

	BulkLoader(Connection connection, long seed) {
		this.connection = connection;
		this.city = new SyntheticCity(seed);
	}

	long load(long count) throws Exception {
		this.connection.setAutoCommit(false);
		Map<String, Long> units = ids("select code, id from units");
		Map<String, Long> categories = ids("select code, id from categories");
		long hotline = units.get("SFS-12345");
		long nextId;
		try (Statement st = this.connection.createStatement();
				ResultSet rs = st.executeQuery("select coalesce(max(id), 0) + 1 from cases")) {
			rs.next();
			nextId = rs.getLong(1);
		}
		try (Statement st = this.connection.createStatement()) {
			st.execute("create temp table if not exists bench_cases (like cases including defaults)");
		}
		this.connection.commit();
		CopyManager copy = this.connection.unwrap(PGConnection.class).getCopyAPI();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
		long started = System.nanoTime();
		long loaded = 0;
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		while (loaded < count) {
			int n = (int) Math.min(CHUNK, count - loaded);
			StringBuilder cases = new StringBuilder(n * 700);
			StringBuilder events = new StringBuilder(n * 600);
			StringBuilder deadlines = new StringBuilder(n * 120);
			StringBuilder tasks = new StringBuilder(n * 100);
			String lastPhone = null;
			for (int i = 0; i < n; i++) {
				long id = nextId + loaded + i;
				Row row = row(id, now, units, categories, hotline, lastPhone);
				lastPhone = row.phone;
				cases.append(row.csv).append('\n');
				String prev = "0".repeat(64);
				for (String[] event : row.events) {
					String hash = chainHash(sha, prev, event);
					events.append(id)
						.append(',')
						.append(csv(event[0]))
						.append(',')
						.append(csv(event[1]))
						.append(',')
						.append(csv(event[2]))
						.append(',')
						.append(csv(event[3]))
						.append(',')
						.append(csv(event[4]))
						.append(',')
						.append(csv(event[5]))
						.append(',')
						.append(csv(event[6]))
						.append(',')
						.append(event[7])
						.append(',')
						.append(prev)
						.append(',')
						.append(hash)
						.append('\n');
					prev = hash;
				}
				deadlines.append(row.deadlines);
				tasks.append(row.tasks);
			}
			copy.copyIn(
					"COPY bench_cases (id, number, query_code_hash, kind, type, channel, status, title, content, category_id,"
							+ " area_unit_id, address, received_at, created_at, created_by, complainant_name, complainant_phone,"
							+ " assigned_unit_id, dispatched_by_unit_id, dispatched_at, signed_at, replied_at, closed_at, current_due_at,"
							+ " reply_result, reply_text, reply_approved, visit_resolved, visit_satisfaction, visited_at, version)"
							+ " FROM STDIN WITH (FORMAT csv)",
					new StringReader(cases.toString()));
			try (Statement st = this.connection.createStatement()) {
				st.execute("insert into cases overriding system value select * from bench_cases");
				st.execute("truncate bench_cases");
			}
			copy.copyIn(
					"COPY case_events (case_id, at, actor, actor_unit, action, from_status, to_status, comment, public,"
							+ " prev_hash, hash) FROM STDIN WITH (FORMAT csv)",
					new StringReader(events.toString()));
			copy.copyIn("COPY case_deadlines (case_id, kind, due_at, met_at) FROM STDIN WITH (FORMAT csv)",
					new StringReader(deadlines.toString()));
			copy.copyIn("COPY case_units (case_id, unit_id, role, state, may_return, returns, assigned_at)"
					+ " FROM STDIN WITH (FORMAT csv)", new StringReader(tasks.toString()));
			this.connection.commit();
			loaded += n;
			double seconds = Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0;
			System.out.printf("  loaded %,d / %,d cases (%.0f cases/s)%n", loaded, count,
					loaded / Math.max(seconds, 0.001));
		}
		try (Statement st = this.connection.createStatement()) {
			st.execute("select setval(pg_get_serial_sequence('cases', 'id'), (select max(id) from cases))");
		}
		this.connection.commit();
		this.connection.setAutoCommit(true);
		try (Statement st = this.connection.createStatement()) {
			for (String table : new String[] { "cases", "case_events", "case_units", "case_deadlines" }) {
				st.execute("vacuum (analyze) " + table);
			}
		}
		return loaded;
	}

	private Row row(long id, OffsetDateTime now, Map<String, Long> units, Map<String, Long> categories, long hotline,
			String lastPhone) {
		double p = this.city.nextDouble();
		String status = (p < 0.70) ? "CLOSED" : (p < 0.75) ? "VISITING" : (p < 0.78) ? "REPLIED"
				: (p < 0.88) ? "HANDLING" : (p < 0.95) ? "DISPATCHED" : (p < 0.98) ? "REGISTERED" : "RETURNED";
		boolean open = !status.equals("CLOSED");
		int daysAgo = open ? this.city.nextInt(12) : spikyDay();
		OffsetDateTime received = now.minusDays(daysAgo).minusSeconds(this.city.nextInt(86_400));
		String community = this.city.pick(SyntheticCity.COMMUNITIES);
		String street = community.substring(0, community.lastIndexOf('-'));
		String category = this.city.pick(SyntheticCity.CATEGORIES);
		String title = this.city.title();
		String content = this.city.content(title);
		String phone = (lastPhone != null && this.city.nextInt(10) == 0) ? lastPhone : this.city.phone();
		String type = (this.city.nextInt(5) == 0) ? "CONSULT" : (this.city.nextInt(3) == 0) ? "HELP" : "COMPLAINT";
		boolean dispatched = !status.equals("REGISTERED");
		OffsetDateTime dispatchedAt = received.plusMinutes(5);
		OffsetDateTime signedAt = (dispatched && !status.equals("DISPATCHED") && !status.equals("RETURNED"))
				? dispatchedAt.plusHours(2 + this.city.nextInt(20)) : null;
		boolean replied = status.equals("CLOSED") || status.equals("VISITING") || status.equals("REPLIED");
		OffsetDateTime repliedAt = replied ? signedAt.plusHours(4 + this.city.nextInt(100)) : null;
		OffsetDateTime closedAt = status.equals("CLOSED") ? repliedAt.plusHours(6 + this.city.nextInt(40)) : null;
		OffsetDateTime signDue = dispatchedAt.plusHours(24);
		OffsetDateTime replyDue = dispatchedAt.plusDays(7);
		OffsetDateTime currentDue = status.equals("DISPATCHED") ? signDue : status.equals("HANDLING") ? replyDue : null;
		long streetId = units.get(street);
		String resolved = status.equals("CLOSED") ? pickWeighted("RESOLVED", 80, "PARTLY", 15, "UNRESOLVED") : null;
		String satisfaction = status.equals("CLOSED") ? pickWeighted("SATISFIED", 75, "BASICALLY", 18, "UNSATISFIED")
				: null;
		String number = "B" + received.toLocalDate().toString().replace("-", "") + String.format("%09d", id);
		String csv = String.join(",", Long.toString(id), number, "bench", "DEMAND", type, pickChannel(), status,
				csv(title), csv(content), Long.toString(categories.get(category)), Long.toString(units.get(community)),
				csv(this.city.pick(List.of("1号楼", "2单元", "东门", "南侧", "路口")) + " " + community), received.toString(),
				received.toString(), "bench", csv("市民" + (id % 1000)), phone, dispatched ? Long.toString(streetId) : "",
				dispatched ? Long.toString(hotline) : "", dispatched ? dispatchedAt.toString() : "", str(signedAt),
				str(repliedAt), str(closedAt), str(currentDue), replied ? "RESOLVED" : "",
				replied ? csv("已处理：" + title) : "",
				Boolean.toString(status.equals("CLOSED") || status.equals("VISITING")),
				(resolved != null) ? resolved : "", (satisfaction != null) ? satisfaction : "", str(closedAt), "3");
		List<String[]> events = new ArrayList<>();
		events.add(new String[] { received.toString(), "operator", "SFS-12345", "register", "", "REGISTERED", "PHONE",
				"true" });
		StringBuilder deadlines = new StringBuilder();
		StringBuilder tasks = new StringBuilder();
		if (dispatched) {
			events.add(new String[] { dispatchedAt.toString(), "", "", "dispatch", "REGISTERED", "DISPATCHED", street,
					"true" });
			deadlines.append(id).append(",SIGN,").append(signDue).append(',').append(str(signedAt)).append('\n');
			deadlines.append(id).append(",REPLY,").append(replyDue).append(',').append(str(repliedAt)).append('\n');
			tasks.append(id)
				.append(',')
				.append(streetId)
				.append(",LEAD,")
				.append(open ? "OPEN" : "DONE")
				.append(",true,0,")
				.append(dispatchedAt)
				.append('\n');
		}
		if (signedAt != null) {
			events.add(new String[] { signedAt.toString(), "handler", street, "sign", "DISPATCHED", "HANDLING", "",
					"true" });
		}
		if (repliedAt != null) {
			events.add(new String[] { repliedAt.toString(), "handler", street, "reply", "HANDLING", "REPLIED",
					"RESOLVED", "false" });
		}
		if (closedAt != null) {
			events.add(new String[] { closedAt.toString(), "operator", "SFS-12345", "close", "VISITING", "CLOSED", "",
					"true" });
		}
		return new Row(csv, events, deadlines.toString(), tasks.toString(), phone);
	}

	/**
	 * Days ago within the year, with spikes: every 30th day gets three times the traffic.
	 */
	private int spikyDay() {
		int day = this.city.nextInt(365);
		if (this.city.nextInt(4) == 0) {
			day = (day / 30) * 30;
		}
		return day;
	}

	private String pickChannel() {
		int p = this.city.nextInt(100);
		return (p < 60) ? "PHONE" : (p < 85) ? "WEB" : (p < 92) ? "API" : (p < 97) ? "WALK_IN" : "LETTER";
	}

	private String pickWeighted(String a, int pa, String b, int pb, String c) {
		int p = this.city.nextInt(100);
		return (p < pa) ? a : (p < pa + pb) ? b : c;
	}

	private Map<String, Long> ids(String sql) throws Exception {
		Map<String, Long> ids = new HashMap<>();
		try (Statement st = this.connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			while (rs.next()) {
				ids.put(rs.getString(1), rs.getLong(2));
			}
		}
		return ids;
	}

	/**
	 * The timeline hash exactly as the application computes it, so that loaded timelines
	 * verify like any other.
	 */
	static String chainHash(MessageDigest digest, String prev, String[] event) {
		digest.reset();
		digest.update(prev.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0x1f);
		digest.update(OffsetDateTime.parse(event[0]).toInstant().toString().getBytes(StandardCharsets.UTF_8));
		for (int i = 1; i < event.length; i++) {
			digest.update((byte) 0x1f);
			if (event[i].isEmpty()) {
				digest.update((byte) 0);
			}
			else {
				digest.update((byte) 1);
				digest.update(event[i].getBytes(StandardCharsets.UTF_8));
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static String str(OffsetDateTime time) {
		return (time != null) ? time.toString() : "";
	}

	static String csv(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}

	private record Row(String csv, List<String[]> events, String deadlines, String tasks, String phone) {
	}

}
