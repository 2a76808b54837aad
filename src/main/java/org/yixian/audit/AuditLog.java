package org.yixian.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

/**
 * Appends to and reads the operation log.
 */
@Service
public class AuditLog {

	static final String GENESIS = "0".repeat(64);

	private static final long CHAIN_LOCK = 0x5949584941554449L;

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Appends an event in the caller's transaction, so that it is kept exactly when the
	 * change it describes is.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEvent event) {
		append(bounded(event));
	}

	/**
	 * Keeps what a caller names within reason: an identifier of at most 200 characters
	 * and a detail of at most 2,000, so that a hostile request cannot bloat the log.
	 */
	static AuditEvent bounded(AuditEvent event) {
		return new AuditEvent(event.actor(), event.actorUnit(), event.action(), event.targetType(),
				cut(event.targetId(), 200), cut(event.detail(), 2000), event.ip());
	}

	private static String cut(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max) + "…";
	}

	/**
	 * Appends an event in a transaction of its own: for events that must be kept even
	 * though the surrounding work fails (a refused login).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordIndependently(AuditEvent event) {
		append(bounded(event));
	}

	private void append(AuditEvent event) {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
		String prev = this.jdbc.sql("select hash from audit_log order by id desc limit 1")
			.query(String.class)
			.optional()
			.orElse(GENESIS);
		OffsetDateTime at = OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		String hash = hash(prev, at, event.actor(), event.actorUnit(), event.action(), event.targetType(),
				event.targetId(), event.detail(), event.ip());
		this.jdbc
			.sql("""
					insert into audit_log (at, actor, actor_unit, action, target_type, target_id, detail, ip, prev_hash, hash)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(at, event.actor(), event.actorUnit(), event.action(), event.targetType(), event.targetId(),
					truncate(event.detail()), event.ip(), prev, hash)
			.update();
	}

	@Transactional(readOnly = true)
	public PageResult<AuditEntry> search(AuditQuery query, Paging paging) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where true");
		if (query.actor() != null && !query.actor().isBlank()) {
			where.append(" and actor = ?");
			params.add(query.actor().strip());
		}
		if (query.action() != null && !query.action().isBlank()) {
			where.append(" and action = ?");
			params.add(query.action().strip());
		}
		if (query.from() != null) {
			where.append(" and at >= ?");
			params.add(query.from());
		}
		if (query.to() != null) {
			where.append(" and at < ?");
			params.add(query.to());
		}
		long total = this.jdbc.sql("select count(*) from audit_log" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(paging.size());
		pageParams.add(paging.offset());
		List<AuditEntry> items = this.jdbc
			.sql("select id, at, actor, actor_unit, action, target_type, target_id, detail, ip, hash from audit_log"
					+ where + " order by id desc limit ? offset ?")
			.params(pageParams)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
					rs.getString("actor"), rs.getString("actor_unit"), rs.getString("action"),
					rs.getString("target_type"), rs.getString("target_id"), rs.getString("detail"), rs.getString("ip"),
					rs.getString("hash")))
			.list();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

	/**
	 * Re-computes every row's hash in order, streaming, and reports the first break.
	 */
	@Transactional(readOnly = true)
	public ChainCheck verify() {
		long[] checked = { 0 };
		String[] expectedPrev = { GENESIS };
		ChainCheck[] broken = { null };
		this.jdbc
			.sql("select id, at, actor, actor_unit, action, target_type, target_id, detail, ip, prev_hash, hash"
					+ " from audit_log order by id")
			.query((rs) -> {
				if (broken[0] != null) {
					return;
				}
				checked[0]++;
				String prev = rs.getString("prev_hash");
				String actual = hash(prev, rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
						rs.getString("actor_unit"), rs.getString("action"), rs.getString("target_type"),
						rs.getString("target_id"), rs.getString("detail"), rs.getString("ip"));
				if (!prev.equals(expectedPrev[0])) {
					broken[0] = new ChainCheck(false, 0, rs.getLong("id"), "LINK", expectedPrev[0], prev);
				}
				else if (!actual.equals(rs.getString("hash"))) {
					broken[0] = new ChainCheck(false, 0, rs.getLong("id"), "CONTENT", actual, rs.getString("hash"));
				}
				expectedPrev[0] = rs.getString("hash");
			});
		if (broken[0] == null) {
			return new ChainCheck(true, checked[0], null, null, null, null);
		}
		ChainCheck b = broken[0];
		return new ChainCheck(false, checked[0], b.firstBrokenId(), b.what(), b.expected(), b.found());
	}

	static String hash(String prev, OffsetDateTime at, String... fields) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(prev.getBytes(StandardCharsets.UTF_8));
			digest.update(field(at.toInstant().toString()));
			for (String field : fields) {
				digest.update(field((field != null) ? truncate(field) : null));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] field(String value) {
		if (value == null) {
			return new byte[] { 0 };
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[bytes.length + 5];
		out[0] = 1;
		out[1] = (byte) (bytes.length >>> 24);
		out[2] = (byte) (bytes.length >>> 16);
		out[3] = (byte) (bytes.length >>> 8);
		out[4] = (byte) bytes.length;
		System.arraycopy(bytes, 0, out, 5, bytes.length);
		return out;
	}

	private static String truncate(String detail) {
		return (detail != null && detail.length() > 2000) ? detail.substring(0, 2000) : detail;
	}

}
