package org.yixian.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.organisation.Actor;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Personal access tokens: {@code yx_} followed by 32 random bytes; only their SHA-256 is
 * stored, so a database dump does not give away API access.
 */
@Service
public class AccessTokens {

	static final String PREFIX = "yx_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final RowMapper<AccessToken> ROW = (rs, n) -> new AccessToken(rs.getLong("id"), rs.getString("name"),
			rs.getObject("created_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
			rs.getObject("last_used_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	AccessTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Issues a token for the actor.
	 * @return the secret, which is never shown again
	 */
	@Transactional
	public IssuedToken issue(Actor actor, String name, Integer expiresInDays) {
		if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > 3650)) {
			throw new InvalidInputException("expiresInDays", "Range", 1, 3650);
		}
		String label = (name == null || name.isBlank()) ? "API" : name.strip();
		if (label.length() > 60) {
			throw new InvalidInputException("name", "Size", "name", 60, 1);
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		OffsetDateTime expires = (expiresInDays != null) ? now.plusDays(expiresInDays) : null;
		long id = this.jdbc.sql(
				"insert into access_tokens (user_id, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?) returning id")
			.params(actor.id(), label, hash(secret), now, expires)
			.query(Long.class)
			.single();
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "TOKEN_ISSUED", "token",
				Long.toString(id), label, null));
		return new IssuedToken(id, label, secret, now, expires);
	}

	@Transactional(readOnly = true)
	public List<AccessToken> of(Actor actor) {
		return this.jdbc.sql("select * from access_tokens where user_id = ? order by id desc")
			.param(actor.id())
			.query(ROW)
			.list();
	}

	@Transactional
	public void revoke(Actor actor, long id) {
		int updated = this.jdbc
			.sql("update access_tokens set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
			.params(OffsetDateTime.now(this.clock), id, actor.id())
			.update();
		if (updated == 0) {
			throw new NotFoundException("token " + id);
		}
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "TOKEN_REVOKED", "token",
				Long.toString(id), null, null));
	}

	/**
	 * The username owning an active token with this secret. Marks the token used (at most
	 * once a minute, to keep the hot path cheap).
	 */
	@Transactional
	public Optional<String> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.jdbc.sql("""
				update access_tokens t set last_used_at = ?
				from users u
				where t.token_hash = ? and u.id = t.user_id and t.revoked_at is null
				  and (t.expires_at is null or t.expires_at > ?)
				  and (t.last_used_at is null or t.last_used_at < ?)
				returning u.username""")
			.params(now, hash(secret), now, now.minusMinutes(1))
			.query(String.class)
			.optional()
			.or(() -> this.jdbc.sql("""
					select u.username from access_tokens t join users u on u.id = t.user_id
					where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?)""")
				.params(hash(secret), now)
				.query(String.class)
				.optional());
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A token just issued, with its secret.
	 */
	public record IssuedToken(long id, String name, String token, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
	}

}
