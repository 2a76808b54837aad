package org.yixian.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only timeline of each case: every entry's SHA-256 covers its content and the
 * previous entry's hash, so a case's history proves itself. Appends happen while the case
 * row is locked by its version-checked update, which orders them.
 */
@Component
class Timeline {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	Timeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(long caseId, List<CaseFile.NewEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		String prev = this.jdbc.sql("select hash from case_events where case_id = ? order by id desc limit 1")
			.param(caseId)
			.query(String.class)
			.optional()
			.orElse(GENESIS);
		for (CaseFile.NewEvent event : events) {
			OffsetDateTime at = event.at().truncatedTo(ChronoUnit.MICROS);
			String from = (event.from() != null) ? event.from().name() : null;
			String to = (event.to() != null) ? event.to().name() : null;
			String hash = hash(prev, at, event.actor(), event.actorUnit(), event.action(), from, to, event.comment(),
					Boolean.toString(event.visibleToCitizen()));
			this.jdbc
				.sql("""
						insert into case_events (case_id, at, actor, actor_unit, action, from_status, to_status, comment, public, prev_hash, hash)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(caseId, at, event.actor(), event.actorUnit(), event.action(), from, to, event.comment(),
						event.visibleToCitizen(), prev, hash)
				.update();
			prev = hash;
		}
	}

	/**
	 * Recomputes a case's chain; true when every entry still matches.
	 */
	boolean verify(long caseId) {
		String[] expected = { GENESIS };
		boolean[] intact = { true };
		this.jdbc.sql("""
				select at, actor, actor_unit, action, from_status, to_status, comment, public, prev_hash, hash
				from case_events where case_id = ? order by id""").param(caseId).query((rs) -> {
			String prev = rs.getString("prev_hash");
			String actual = hash(prev, rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
					rs.getString("actor_unit"), rs.getString("action"), rs.getString("from_status"),
					rs.getString("to_status"), rs.getString("comment"), Boolean.toString(rs.getBoolean("public")));
			if (!prev.equals(expected[0]) || !actual.equals(rs.getString("hash"))) {
				intact[0] = false;
			}
			expected[0] = rs.getString("hash");
		});
		return intact[0];
	}

	static String hash(String prev, OffsetDateTime at, String... fields) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(prev.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0x1f);
			digest.update(at.toInstant().toString().getBytes(StandardCharsets.UTF_8));
			for (String field : fields) {
				digest.update((byte) 0x1f);
				if (field == null) {
					digest.update((byte) 0);
				}
				else {
					digest.update((byte) 1);
					digest.update(field.getBytes(StandardCharsets.UTF_8));
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
