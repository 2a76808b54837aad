package org.yixian.security;

import java.time.OffsetDateTime;

/**
 * A personal access token as its owner sees it; the secret is shown once, at creation.
 */
public record AccessToken(long id, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt,
		OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

	public boolean activeAt(OffsetDateTime now) {
		return this.revokedAt == null && (this.expiresAt == null || this.expiresAt.isAfter(now));
	}

}
