package org.yixian.organisation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the {@link Actor} for a username, with the data scope that follows from the unit:
 * its own subtree, or for a hotline centre or petition office the subtree of the level it
 * serves.
 */
@Component
class ActorDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	private final Clock clock;

	ActorDetailsService(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Actor loadUserByUsername(String username) {
		return this.jdbc.sql("""
				select u.id, u.username, u.display_name, u.password_hash, u.enabled, u.locked_until,
				       n.id as unit_id, n.code as unit_code, n.name as unit_name, n.kind, n.path, p.path as parent_path,
				       coalesce((select string_agg(r.role, ',') from user_roles r where r.user_id = u.id), '') as roles
				from users u join units n on n.id = u.unit_id left join units p on p.id = n.parent_id
				where u.username = ?""").param(username).query((rs, n) -> {
			UnitKind kind = UnitKind.valueOf(rs.getString("kind"));
			String parentPath = rs.getString("parent_path");
			Scope scope = new Scope(
					(kind.servesParentJurisdiction() && parentPath != null) ? parentPath : rs.getString("path"));
			Set<Role> roles = EnumSet.noneOf(Role.class);
			for (String role : rs.getString("roles").split(",")) {
				if (!role.isEmpty()) {
					roles.add(Role.valueOf(role));
				}
			}
			OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
			boolean locked = lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now(this.clock));
			return new Actor(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("path"),
					scope, roles, rs.getBoolean("enabled"), locked, rs.getString("password_hash"));
		}).optional().orElseThrow(() -> new UsernameNotFoundException(username));
	}

}
