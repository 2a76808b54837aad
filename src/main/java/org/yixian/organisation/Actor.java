package org.yixian.organisation;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person: who they are, their unit, roles and data scope.
 */
public final class Actor implements UserDetails, CredentialsContainer {

	/**
	 * The authority of people in the root unit;
	 * {@code @PreAuthorize("hasRole('ADMIN') and
	 * hasAuthority('SCOPE_CITY')")} marks city-wide configuration.
	 */
	public static final String CITY_WIDE = "SCOPE_CITY";

	/**
	 * The name under which a citizen's own acts on their case are recorded (an online
	 * satisfaction rating, photos sent with a demand): not a valid user name, so no
	 * account can ever carry it.
	 */
	public static final String CITIZEN = "@citizen";

	private static final Scope NOWHERE = new Scope("/-/");

	private final long id;

	private final String username;

	private final String displayName;

	private final long unitId;

	private final String unitCode;

	private final String unitName;

	private final Scope scope;

	private final String unitPath;

	private final Set<Role> roles;

	private final boolean enabled;

	private final boolean locked;

	private String passwordHash;

	Actor(long id, String username, String displayName, long unitId, String unitCode, String unitName, String unitPath,
			Scope scope, Set<Role> roles, boolean enabled, boolean locked, String passwordHash) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.unitId = unitId;
		this.unitCode = unitCode;
		this.unitName = unitName;
		this.unitPath = unitPath;
		this.scope = scope;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.enabled = enabled;
		this.locked = locked;
		this.passwordHash = passwordHash;
	}

	/**
	 * The citizen who proved with number and query code that a case is theirs: no roles,
	 * no unit, a scope that covers no unit, never signed in. Only the public pages' own
	 * paths act with it, after checking the query code.
	 */
	public static Actor citizen() {
		return new Actor(0, CITIZEN, CITIZEN, 0, null, null, null, NOWHERE, Set.of(), false, true, null);
	}

	/**
	 * Whether this is {@link #citizen()}.
	 */
	public boolean isCitizen() {
		return this.id == 0 && CITIZEN.equals(this.username);
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public long unitId() {
		return this.unitId;
	}

	public String unitCode() {
		return this.unitCode;
	}

	public String unitName() {
		return this.unitName;
	}

	/**
	 * The materialised path of the actor's own unit (which may differ from the scope of a
	 * hotline centre or petition office).
	 */
	public String unitPath() {
		return this.unitPath;
	}

	public Scope scope() {
		return this.scope;
	}

	public Set<Role> roles() {
		return EnumSet.copyOf(this.roles.isEmpty() ? EnumSet.noneOf(Role.class) : this.roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * Whether the person's unit is the root of the tree (the city): configuration that
	 * applies city-wide (time limits, the calendar, categories, Open311 keys, the whole
	 * operation log, metrics) belongs to administrators there.
	 */
	public boolean isCityWide() {
		return this.unitPath != null && this.unitPath.chars().filter((c) -> c == '/').count() == 2;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		java.util.List<GrantedAuthority> authorities = new java.util.ArrayList<>();
		this.roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		if (isCityWide()) {
			authorities.add(new SimpleGrantedAuthority(CITY_WIDE));
		}
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public String toString() {
		return "Actor[" + this.username + "@" + this.unitCode + " " + this.roles + "]";
	}

}
