package org.yixian.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.shared.ClusterSignal;
import org.yixian.shared.ClusterSignals;
import org.yixian.shared.Hashes;
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

	private final ClusterSignals signals;

	AccessTokens(JdbcClient jdbc, AuditLog audit, Clock clock, ClusterSignals signals) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.signals = signals;
	}

	static final String SIGNAL = "token";

	/**
	 * Every token expires: after 90 days unless asked otherwise, after a year at most.
	 */
	static final int DEFAULT_DAYS = 90;

	static final int MAX_DAYS = 365;

	/**
	 * Issues a token for the actor.
	 * @return the secret, which is never shown again
	 */
	@Transactional
	public IssuedToken issue(Actor actor, String name, Integer expiresInDays) {
		if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
			throw new InvalidInputException("expiresInDays", "Range", 1, MAX_DAYS);
		}
		String label = (name == null || name.isBlank()) ? "API" : name.strip();
		if (label.length() > 60) {
			throw new InvalidInputException("name", "Size", "name", 60, 1);
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		OffsetDateTime expires = now.plusDays((expiresInDays != null) ? expiresInDays : DEFAULT_DAYS);
		long id = this.jdbc.sql(
				"insert into access_tokens (user_id, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?) returning id")
			.params(actor.id(), label, Hashes.sha256Hex(secret), now, expires)
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
		this.recent.values().removeIf((r) -> r.tokenId() == id);
		this.signals.send(SIGNAL, Long.toString(id));
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "TOKEN_REVOKED", "token",
				Long.toString(id), null, null));
	}

	/**
	 * The username owning an active token with this secret. Answers are remembered for up
	 * to {@value #CACHE_SECONDS} seconds; a revocation on any node drops them on every
	 * node when it commits ({@link ClusterSignals}); the token is marked used at most
	 * once a minute.
	 */
	public Optional<String> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		String hash = Hashes.sha256Hex(secret);
		long nanos = System.nanoTime();
		Remembered remembered = this.recent.get(hash);
		if (remembered != null && remembered.validUntil() - nanos > 0) {
			return Optional.of(remembered.username());
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Optional<Found> found = this.jdbc
			.sql("""
					select t.id, u.username, t.expires_at, t.last_used_at from access_tokens t join users u on u.id = t.user_id
					where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?)""")
			.params(hash, now)
			.query((rs, n) -> new Found(rs.getLong("id"), rs.getString("username"),
					rs.getObject("expires_at", OffsetDateTime.class),
					rs.getObject("last_used_at", OffsetDateTime.class)))
			.optional();
		if (found.isEmpty()) {
			this.recent.remove(hash);
			return Optional.empty();
		}
		Found token = found.get();
		if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minusMinutes(1))) {
			this.jdbc.sql("update access_tokens set last_used_at = ? where id = ?").params(now, token.id()).update();
		}
		long validFor = CACHE_SECONDS * 1_000_000_000L;
		if (token.expiresAt() != null) {
			validFor = Math.min(validFor, java.time.Duration.between(now, token.expiresAt()).toNanos());
		}
		if (this.recent.size() > 10_000) {
			this.recent.clear();
		}
		this.recent.put(hash, new Remembered(token.id(), token.username(), nanos + validFor));
		return Optional.of(token.username());
	}

	static final int CACHE_SECONDS = 30;

	@EventListener
	void on(ClusterSignal signal) {
		if (signal.resync()) {
			this.recent.clear();
		}
		else if (SIGNAL.equals(signal.topic())) {
			long id = Long.parseLong(signal.key());
			this.recent.values().removeIf((r) -> r.tokenId() == id);
		}
	}

	private final java.util.Map<String, Remembered> recent = new java.util.concurrent.ConcurrentHashMap<>();

	private record Remembered(long tokenId, String username, long validUntil) {
	}

	private record Found(long id, String username, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt) {
	}

	/**
	 * A token just issued, with its secret.
	 */
	public record IssuedToken(long id, String name, String token, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
	}

}
