package org.yixian.open311;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.shared.Hashes;
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.organisation.Actor;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * API keys of Open311 clients, issued and revoked by administrators; only their SHA-256
 * is kept.
 */
@Service
public class Open311Keys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Open311Keys(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public IssuedKey issue(String name, Actor actor) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw new InvalidInputException("name", "Size", "name", 100, 1);
		}
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String key = "o311_" + HexFormat.of().formatHex(bytes);
		long id = this.jdbc
			.sql("insert into open311_keys (name, key_hash, created_at, created_by) values (?, ?, ?, ?) returning id")
			.params(name.strip(), Hashes.sha256Hex(key), OffsetDateTime.now(this.clock), actor.getUsername())
			.query(Long.class)
			.single();
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "OPEN311_KEY_ISSUED", "open311-key",
				Long.toString(id), name.strip(), null));
		return new IssuedKey(id, name.strip(), key);
	}

	@Transactional
	public void revoke(long id, Actor actor) {
		int updated = this.jdbc.sql("update open311_keys set revoked_at = ? where id = ? and revoked_at is null")
			.params(OffsetDateTime.now(this.clock), id)
			.update();
		if (updated == 0) {
			throw new NotFoundException("open311-key " + id);
		}
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "OPEN311_KEY_REVOKED", "open311-key",
				Long.toString(id), null, null));
	}

	@Transactional(readOnly = true)
	public List<KeyInfo> all() {
		return this.jdbc.sql("select id, name, created_at, created_by, revoked_at from open311_keys order by id desc")
			.query((rs, n) -> new KeyInfo(rs.getLong("id"), rs.getString("name"),
					rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
					rs.getObject("revoked_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * The name of the client holding this active key.
	 */
	@Transactional(readOnly = true)
	public Optional<String> clientOf(String key) {
		if (key == null || key.isBlank() || key.length() > 200) {
			return Optional.empty();
		}
		return this.jdbc.sql("select name from open311_keys where key_hash = ? and revoked_at is null")
			.param(Hashes.sha256Hex(key.strip()))
			.query(String.class)
			.optional();
	}

	/**
	 * A key just issued; the key itself is shown only now.
	 */
	public record IssuedKey(long id, String name, String key) {
	}

	/**
	 * A key as administrators see it.
	 */
	public record KeyInfo(long id, String name, OffsetDateTime createdAt, String createdBy, OffsetDateTime revokedAt) {
	}

}
