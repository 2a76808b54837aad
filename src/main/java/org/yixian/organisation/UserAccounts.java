package org.yixian.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.shared.ClusterSignals;
import org.yixian.shared.ConflictException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.Like;
import org.yixian.shared.NotFoundException;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

/**
 * User accounts: provisioning within a scope, passwords, and the lockout after repeated
 * failed logins.
 */
@Service
public class UserAccounts {

	private static final String SELECT = """
			select u.id, u.username, u.display_name, n.code as unit_code, n.name as unit_name, n.path as unit_path,
			       u.phone, u.enabled, u.locked_until, u.created_at, u.version,
			       coalesce((select string_agg(r.role, ',' order by r.role) from user_roles r where r.user_id = u.id), '') as roles
			from users u join units n on n.id = u.unit_id""";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	private final int maxFailures;

	private final Duration lockDuration;

	private final ClusterSignals signals;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, Clock clock, ClusterSignals signals,
			@Value("${yixian.security.lockout.max-failures:5}") int maxFailures,
			@Value("${yixian.security.lockout.duration:15m}") Duration lockDuration) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockDuration = lockDuration;
		this.signals = signals;
	}

	/**
	 * Every node forgets what it remembered of this account (API sessions by token) when
	 * the change commits; {@value #SIGNAL} signals.
	 */
	private void announce(String username) {
		this.signals.send(SIGNAL, username);
	}

	/**
	 * The topic of {@link ClusterSignals} about a changed account; the key is the
	 * username.
	 */
	public static final String SIGNAL = "account";

	@Transactional
	public UserView create(NewUser command, Actor actor) {
		String username = command.username().strip();
		Map<String, String> problems = new LinkedHashMap<>();
		PasswordPolicy.check(username, command.password()).ifPresent((key) -> problems.put("password", key));
		Optional<Long> unitId = this.jdbc.sql("select id from units where code = ? and path like ?")
			.params(command.unitCode().strip(), actor.scope().likePattern())
			.query(Long.class)
			.optional();
		if (unitId.isEmpty()) {
			problems.put("unitCode", "unit.unknown");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems.entrySet()
				.stream()
				.map((e) -> new org.yixian.shared.FieldMessage(e.getKey(), e.getValue(),
						"unitCode".equals(e.getKey()) ? command.unitCode() : ""))
				.toList());
		}
		if (exists(username)) {
			throw ConflictException.alreadyExists("username", username);
		}
		long id = this.jdbc.sql(
				"insert into users (username, password_hash, display_name, unit_id, phone) values (?, ?, ?, ?, ?) returning id")
			.params(username, this.passwords.encode(command.password()), command.displayName().strip(), unitId.get(),
					blankToNull(command.phone()))
			.query(Long.class)
			.single();
		for (Role role : command.roles()) {
			this.jdbc.sql("insert into user_roles (user_id, role) values (?, ?)").params(id, role.name()).update();
		}
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "USER_CREATED", "user", username,
				command.displayName().strip() + " @" + command.unitCode().strip() + " " + command.roles(), null));
		return byId(id);
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return this.jdbc.sql("select exists (select 1 from users where username = ?)")
			.param(username)
			.query(Boolean.class)
			.single();
	}

	@Transactional(readOnly = true)
	public UserView require(String username, Scope scope) {
		return this.jdbc.sql(SELECT + " where u.username = ? and n.path like ?")
			.params(username, scope.likePattern())
			.query(this::map)
			.optional()
			.orElseThrow(() -> new NotFoundException(username));
	}

	/**
	 * A user by name whoever asks, for modules that check roles and units themselves
	 * (whether a named leader may take a reception day or a case); empty if unknown.
	 */
	@Transactional(readOnly = true)
	public Optional<UserView> find(String username) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql(SELECT + " where u.username = ?").param(username.strip()).query(this::map).optional();
	}

	/**
	 * The enabled users with a role whose unit lies within the scope, in tree order (the
	 * leaders a picker offers).
	 */
	@Transactional(readOnly = true)
	public List<UserView> withRole(Role role, Scope scope) {
		return this.jdbc
			.sql(SELECT + " where u.enabled and n.path like ? and exists (select 1 from user_roles r"
					+ " where r.user_id = u.id and r.role = ?) order by n.path, u.username limit 500")
			.params(scope.likePattern(), role.name())
			.query(this::map)
			.list();
	}

	@Transactional(readOnly = true)
	public PageResult<UserView> list(Scope scope, String text, Paging paging) {
		StringBuilder where = new StringBuilder(" where n.path like ?");
		List<Object> params = new ArrayList<>();
		params.add(scope.likePattern());
		if (text != null && !text.isBlank()) {
			where.append(" and (u.username like ? or u.display_name like ? or n.name like ?)");
			params.add(Like.containing(text));
			params.add(Like.containing(text));
			params.add(Like.containing(text));
		}
		long total = this.jdbc.sql("select count(*) from users u join units n on n.id = u.unit_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(paging.size());
		pageParams.add(paging.offset());
		List<UserView> items = this.jdbc.sql(SELECT + where + " order by n.path, u.username limit ? offset ?")
			.params(pageParams)
			.query(this::map)
			.list();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

	@Transactional(readOnly = true)
	public long count(Scope scope) {
		return this.jdbc.sql("select count(*) from users u join units n on n.id = u.unit_id where n.path like ?")
			.param(scope.likePattern())
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public boolean anyAdministrator() {
		return this.jdbc.sql("select exists (select 1 from user_roles where role = 'ADMIN')")
			.query(Boolean.class)
			.single();
	}

	/**
	 * An administrator changes a user's name, unit, roles or phone. Administrators cannot
	 * take the ADMIN role from themselves, so that a scope never loses its last way in by
	 * accident.
	 */
	@Transactional
	public UserView change(String username, UserChange change, Actor actor) {
		UserView user = require(username, actor.scope());
		Optional<Long> unitId = this.jdbc.sql("select id from units where code = ? and path like ?")
			.params(change.unitCode().strip(), actor.scope().likePattern())
			.query(Long.class)
			.optional();
		if (unitId.isEmpty()) {
			throw new InvalidInputException("unitCode", "unit.unknown", change.unitCode());
		}
		if (user.id() == actor.id() && !change.roles().contains(Role.ADMIN)) {
			throw new InvalidInputException("roles", "user.cannotDropOwnAdmin");
		}
		int updated = this.jdbc.sql(
				"update users set display_name = ?, unit_id = ?, phone = ?, version = version + 1 where id = ? and version = ?")
			.params(change.displayName().strip(), unitId.get(), blankToNull(change.phone()), user.id(),
					change.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("STALE_VERSION", "error.staleVersion");
		}
		this.jdbc.sql("delete from user_roles where user_id = ?").param(user.id()).update();
		for (Role role : change.roles()) {
			this.jdbc.sql("insert into user_roles (user_id, role) values (?, ?)")
				.params(user.id(), role.name())
				.update();
		}
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "USER_CHANGED", "user", username,
				change.displayName().strip() + " @" + change.unitCode().strip() + " " + change.roles(), null));
		announce(username);
		return byId(user.id());
	}

	/**
	 * An administrator enables or disables an account, or lifts a lockout.
	 */
	@Transactional
	public UserView setEnabled(String username, boolean enabled, Actor actor) {
		UserView user = require(username, actor.scope());
		if (user.id() == actor.id() && !enabled) {
			throw new InvalidInputException("enabled", "user.cannotDisableSelf");
		}
		this.jdbc.sql("update users set enabled = ?, version = version + 1 where id = ?")
			.params(enabled, user.id())
			.update();
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(),
				enabled ? "USER_ENABLED" : "USER_DISABLED", "user", username, null, null));
		announce(username);
		return byId(user.id());
	}

	@Transactional
	public UserView unlock(String username, Actor actor) {
		UserView user = require(username, actor.scope());
		this.jdbc.sql("update users set failed_attempts = 0, locked_until = null, version = version + 1 where id = ?")
			.param(user.id())
			.update();
		this.audit.record(
				new AuditEvent(actor.getUsername(), actor.unitCode(), "USER_UNLOCKED", "user", username, null, null));
		announce(username);
		return byId(user.id());
	}

	@Transactional
	public void resetPassword(String username, String newPassword, Actor actor) {
		UserView user = require(username, actor.scope());
		PasswordPolicy.check(username, newPassword).ifPresent((key) -> {
			throw new InvalidInputException("password", key);
		});
		this.jdbc
			.sql("update users set password_hash = ?, password_changed_at = now(), version = version + 1 where id = ?")
			.params(this.passwords.encode(newPassword), user.id())
			.update();
		this.audit.record(
				new AuditEvent(actor.getUsername(), actor.unitCode(), "PASSWORD_RESET", "user", username, null, null));
		announce(username);
	}

	@Transactional
	public void changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
		String hash = this.jdbc.sql("select password_hash from users where id = ?")
			.param(actor.id())
			.query(String.class)
			.single();
		if (currentPassword == null || !this.passwords.matches(currentPassword, hash)) {
			throw new InvalidInputException("currentPassword", "password.wrong");
		}
		PasswordPolicy.check(actor.getUsername(), newPassword).ifPresent((key) -> {
			throw new InvalidInputException("newPassword", key);
		});
		this.jdbc
			.sql("update users set password_hash = ?, password_changed_at = now(), version = version + 1 where id = ?")
			.params(this.passwords.encode(newPassword), actor.id())
			.update();
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "PASSWORD_CHANGED", "user",
				actor.getUsername(), null, null));
	}

	/**
	 * Counts a failed login; the account is locked once the failures reach the limit.
	 * @return whether this failure locked the account
	 */
	@Transactional
	public boolean recordFailedLogin(String username) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Integer failures = this.jdbc
			.sql("update users set failed_attempts = failed_attempts + 1 where username = ? returning failed_attempts")
			.param(username)
			.query(Integer.class)
			.optional()
			.orElse(null);
		if (failures != null && failures >= this.maxFailures) {
			this.jdbc.sql("update users set locked_until = ?, failed_attempts = 0 where username = ?")
				.params(now.plus(this.lockDuration), username)
				.update();
			announce(username);
			return true;
		}
		return false;
	}

	@Transactional
	public void recordSuccessfulLogin(String username) {
		this.jdbc.sql("update users set failed_attempts = 0 where username = ? and failed_attempts > 0")
			.param(username)
			.update();
	}

	/**
	 * Creates an account without an acting user: for start-up (the first administrator,
	 * demo data). The unit must exist.
	 */
	@Transactional
	public void createSystemAccount(String username, String password, String displayName, String unitCode,
			Set<Role> roles) {
		long unitId = this.jdbc.sql("select id from units where code = ?").param(unitCode).query(Long.class).single();
		long id = this.jdbc
			.sql("insert into users (username, password_hash, display_name, unit_id) values (?, ?, ?, ?) returning id")
			.params(username, this.passwords.encode(password), displayName, unitId)
			.query(Long.class)
			.single();
		for (Role role : roles) {
			this.jdbc.sql("insert into user_roles (user_id, role) values (?, ?)").params(id, role.name()).update();
		}
		this.audit
			.record(AuditEvent.system("USER_CREATED", "user", username, displayName + " @" + unitCode + " " + roles));
	}

	@Transactional
	public void setPasswordBySystem(String username, String password) {
		this.jdbc.sql("update users set password_hash = ?, password_changed_at = now() where username = ?")
			.params(this.passwords.encode(password), username)
			.update();
	}

	private UserView byId(long id) {
		return this.jdbc.sql(SELECT + " where u.id = ?").param(id).query(this::map).single();
	}

	private UserView map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : rs.getString("roles").split(",")) {
			if (!role.isEmpty()) {
				roles.add(Role.valueOf(role));
			}
		}
		return new UserView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("unit_code"), rs.getString("unit_name"), roles, rs.getString("phone"),
				rs.getBoolean("enabled"), rs.getObject("locked_until", OffsetDateTime.class),
				rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
