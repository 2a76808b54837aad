package org.yixian.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only timeline of each case: every entry's SHA-256 covers its content and the
 * previous entry's hash, so a case's history proves itself. Appends happen while the case
 * row is locked (its version-checked update, or {@code select … for update}), which
 * orders them. An entry keeps both when the act happened ({@code at}) and when it was
 * recorded, and says when it was back-dated.
 */
@Component
class Timeline {

	static final String GENESIS = "0".repeat(64);

	/** An act recorded more than this after it happened counts as back-dated. */
	static final Duration BACKDATED_AFTER = Duration.ofMinutes(5);

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Batches batches;

	Timeline(JdbcClient jdbc, Clock clock, Batches batches) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.batches = batches;
	}

	void append(long caseId, List<CaseFile.NewEvent> events) {
		append(caseId, events, false);
	}

	/**
	 * Appends the events to the case's hash chain in one batch (one round trip); a case
	 * registered in this transaction has no chain yet, so its last hash is not looked up.
	 */
	void append(long caseId, List<CaseFile.NewEvent> events, boolean firstEntries) {
		if (events.isEmpty()) {
			return;
		}
		String prev = firstEntries ? GENESIS
				: this.jdbc.sql("select hash from case_events where case_id = ? order by id desc limit 1")
					.param(caseId)
					.query(String.class)
					.optional()
					.orElse(GENESIS);
		OffsetDateTime recordedAt = OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		List<Object[]> rows = new java.util.ArrayList<>(events.size());
		for (CaseFile.NewEvent event : events) {
			OffsetDateTime at = event.at().truncatedTo(ChronoUnit.MICROS);
			String from = (event.from() != null) ? event.from().name() : null;
			String to = (event.to() != null) ? event.to().name() : null;
			boolean backdated = at.isBefore(recordedAt.minus(BACKDATED_AFTER));
			String payload = canonical(event.payload());
			String hash = hash(prev, at, event.actor(), event.actorUnit(), event.action(), from, to, event.comment(),
					Boolean.toString(event.visibleToCitizen()), recordedAt.toInstant().toString(),
					Boolean.toString(backdated), payload);
			rows.add(new Object[] { caseId, at, event.actor(), event.actorUnit(), event.action(), from, to,
					event.comment(), event.visibleToCitizen(), prev, hash, recordedAt, backdated, payload });
			prev = hash;
		}
		this.batches.update(
				"""
						insert into case_events (case_id, at, actor, actor_unit, action, from_status, to_status, comment, public,
						  prev_hash, hash, recorded_at, backdated, payload, hash_format)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), 2)""",
				rows);
	}

	/**
	 * Recomputes a case's chain; true when every entry still matches.
	 */
	boolean verify(long caseId) {
		return firstBrokenEntry(caseId) == null;
	}

	/**
	 * The id of the first entry whose hash or link does not match, or null when the chain
	 * is intact.
	 */
	Long firstBrokenEntry(long caseId) {
		CaseChains.Break first = check(caseId).firstBreak();
		return (first != null) ? first.entryId() : null;
	}

	/**
	 * The first entry whose link to its predecessor or whose own hash does not match,
	 * with its position in the case's history and the hash expected against the one
	 * stored.
	 */
	CaseChains.Check check(long caseId) {
		String[] expected = { GENESIS };
		int[] sequence = { 0 };
		CaseChains.Break[] broken = { null };
		this.jdbc.sql("""
				select id, at, actor, actor_unit, action, from_status, to_status, comment, public, prev_hash, hash,
				       recorded_at, backdated, payload::text as payload, hash_format
				from case_events where case_id = ? order by id""").param(caseId).query((rs) -> {
			sequence[0]++;
			if (broken[0] != null) {
				return;
			}
			String prev = rs.getString("prev_hash");
			String actual;
			if (rs.getInt("hash_format") == 1) {
				actual = hash(prev, rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
						rs.getString("actor_unit"), rs.getString("action"), rs.getString("from_status"),
						rs.getString("to_status"), rs.getString("comment"), Boolean.toString(rs.getBoolean("public")));
			}
			else {
				actual = hash(prev, rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
						rs.getString("actor_unit"), rs.getString("action"), rs.getString("from_status"),
						rs.getString("to_status"), rs.getString("comment"), Boolean.toString(rs.getBoolean("public")),
						rs.getObject("recorded_at", OffsetDateTime.class).toInstant().toString(),
						Boolean.toString(rs.getBoolean("backdated")), canonical(parse(rs.getString("payload"))));
			}
			if (!prev.equals(expected[0])) {
				broken[0] = new CaseChains.Break(caseId, rs.getLong("id"), sequence[0], rs.getString("action"),
						CaseChains.Break.LINK, expected[0], prev);
			}
			else if (!actual.equals(rs.getString("hash"))) {
				broken[0] = new CaseChains.Break(caseId, rs.getLong("id"), sequence[0], rs.getString("action"),
						CaseChains.Break.CONTENT, actual, rs.getString("hash"));
			}
			expected[0] = rs.getString("hash");
		});
		return new CaseChains.Check(sequence[0], broken[0]);
	}

	/**
	 * A case's history in order, with the names of the people and units who acted.
	 */
	List<TimelineEntry> entries(long caseId) {
		return this.jdbc
			.sql("""
					select e.at, e.recorded_at, e.backdated, e.actor, u.display_name, e.actor_unit, au.name as actor_unit_name,
					       e.action, e.from_status, e.to_status, e.comment, e.public, e.payload::text as payload
					from case_events e left join users u on u.username = e.actor left join units au on au.code = e.actor_unit
					where e.case_id = ? order by e.id""")
			.param(caseId)
			.query((rs, n) -> new TimelineEntry(rs.getObject("at", OffsetDateTime.class),
					rs.getObject("recorded_at", OffsetDateTime.class), rs.getBoolean("backdated"),
					rs.getString("actor"), rs.getString("display_name"), rs.getString("actor_unit"),
					rs.getString("actor_unit_name"), rs.getString("action"), rs.getString("from_status"),
					rs.getString("to_status"), rs.getString("comment"), rs.getBoolean("public"),
					parse(rs.getString("payload"))))
			.list();
	}

	static Map<String, Object> parse(String json) {
		if (json == null) {
			return null;
		}
		return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

	/**
	 * The payload as JSON with sorted keys, so that the hash does not depend on how the
	 * database stores it.
	 */
	static String canonical(Map<String, Object> payload) {
		if (payload == null || payload.isEmpty()) {
			return null;
		}
		return JSON.writeValueAsString(new TreeMap<>(payload));
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
