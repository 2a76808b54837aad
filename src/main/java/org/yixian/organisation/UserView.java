package org.yixian.organisation;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A user as the API and pages show it: never the password hash.
 */
public record UserView(long id, String username, String displayName, String unitCode, String unitName, Set<Role> roles,
		String phone, boolean enabled, OffsetDateTime lockedUntil, OffsetDateTime createdAt, int version) {

	public boolean lockedAt(OffsetDateTime now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
