package org.yixian.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * The unit tree: look-ups within a scope, and provisioning.
 */
@Service
public class Units {

	private static final String SELECT = """
			select u.id, u.code, u.name, u.kind, p.code as parent_code, u.path, u.depth, u.active, u.version
			from units u left join units p on p.id = u.parent_id""";

	private static final RowMapper<Unit> ROW = (rs, n) -> new Unit(rs.getLong("id"), rs.getString("code"),
			rs.getString("name"), UnitKind.valueOf(rs.getString("kind")), rs.getString("parent_code"),
			rs.getString("path"), rs.getInt("depth"), rs.getBoolean("active"), rs.getInt("version"));

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ClusterSignals.Invalidation invalidation;

	Units(JdbcClient jdbc, AuditLog audit, ClusterSignals signals) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.invalidation = signals.invalidation("units", () -> this.snapshot = null);
	}

	/**
	 * Looks a unit up in an in-memory snapshot of the tree (units change rarely and are
	 * read on every intake); the snapshot is dropped on every change made here and is at
	 * most {@value #SNAPSHOT_SECONDS} seconds old, which bounds what another instance's
	 * change can take to show.
	 */
	public Optional<Unit> findByCode(String code) {
		return Optional.ofNullable(snapshot().byCode().get(code));
	}

	public Optional<Unit> findById(long id) {
		return Optional.ofNullable(snapshot().byId().get(id));
	}

	/**
	 * The ids of every unit within a scope, for {@code unit_id = any(?)} predicates that
	 * can use an index where a path pattern cannot.
	 */
	public Long[] idsWithin(Scope scope) {
		return snapshot().byId()
			.values()
			.stream()
			.filter((unit) -> unit.isWithin(scope))
			.map(Unit::id)
			.toArray(Long[]::new);
	}

	/**
	 * Every unit within a scope from the in-memory snapshot (as fresh as
	 * {@link #findByCode}), shallowest first (by depth, then path): for per-request work
	 * that must not read the whole tree from the database each time (e.g. the knowledge
	 * hints as a call is typed).
	 */
	public List<Unit> cachedTree(Scope scope) {
		return snapshot().byId()
			.values()
			.stream()
			.filter((unit) -> unit.isWithin(scope))
			.sorted(java.util.Comparator.comparing(Unit::depth).thenComparing(Unit::path))
			.toList();
	}

	static final int SNAPSHOT_SECONDS = 30;

	private volatile Snapshot snapshot;

	private Snapshot snapshot() {
		Snapshot current = this.snapshot;
		if (current == null || System.nanoTime() - current.loadedAt() > SNAPSHOT_SECONDS * 1_000_000_000L) {
			java.util.Map<String, Unit> byCode = new java.util.HashMap<>();
			java.util.Map<Long, Unit> byId = new java.util.HashMap<>();
			for (Unit unit : this.jdbc.sql(SELECT).query(ROW).list()) {
				byCode.put(unit.code(), unit);
				byId.put(unit.id(), unit);
			}
			current = new Snapshot(byCode, byId, System.nanoTime());
			this.snapshot = current;
		}
		return current;
	}

	private void changed() {
		this.invalidation.changed();
	}

	private record Snapshot(java.util.Map<String, Unit> byCode, java.util.Map<Long, Unit> byId, long loadedAt) {
	}

	/**
	 * The unit with this code if it lies within the scope; otherwise not found, whether
	 * it exists or not.
	 */
	@Transactional(readOnly = true)
	public Unit require(String code, Scope scope) {
		return findByCode(code).filter((unit) -> unit.isWithin(scope)).orElseThrow(() -> new NotFoundException(code));
	}

	@Transactional(readOnly = true)
	public PageResult<Unit> list(Scope scope, String text, UnitKind kind, Paging paging) {
		StringBuilder where = new StringBuilder(" where u.path like ?");
		List<Object> params = new ArrayList<>();
		params.add(scope.likePattern());
		if (text != null && !text.isBlank()) {
			where.append(" and (u.code ilike ? or u.name like ?)");
			params.add(Like.containing(text));
			params.add(Like.containing(text));
		}
		if (kind != null) {
			where.append(" and u.kind = ?");
			params.add(kind.name());
		}
		long total = this.jdbc.sql("select count(*) from units u" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(paging.size());
		pageParams.add(paging.offset());
		List<Unit> items = this.jdbc
			.sql(SELECT + where
					+ " order by string_to_array(trim(both '/' from u.path), '/')::bigint[] limit ? offset ?")
			.params(pageParams)
			.query(ROW)
			.list();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

	/**
	 * Every unit in the scope in tree order (parents before children), for pickers.
	 */
	@Transactional(readOnly = true)
	public List<Unit> tree(Scope scope) {
		return this.jdbc
			.sql(SELECT + " where u.path like ? order by string_to_array(trim(both '/' from u.path), '/')::bigint[]")
			.param(scope.likePattern())
			.query(ROW)
			.list();
	}

	@Transactional(readOnly = true)
	public long count(Scope scope) {
		return this.jdbc.sql("select count(*) from units where path like ?")
			.param(scope.likePattern())
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return this.jdbc.sql("select not exists (select 1 from units)").query(Boolean.class).single();
	}

	/**
	 * Adds a unit under a parent within the actor's scope. The first unit of an empty
	 * tree is its root and must be a city.
	 */
	@Transactional
	public Unit create(NewUnit command, Actor actor) {
		String code = command.code().strip();
		if (findByCode(code).isPresent()) {
			throw ConflictException.alreadyExists("code", code);
		}
		Unit parent = null;
		if (command.parentCode() == null || command.parentCode().isBlank()) {
			if (!isEmpty()) {
				throw new InvalidInputException("parentCode", "NotBlank");
			}
			if (!UnitPlacementPolicy.mayBeRoot(command.kind())) {
				throw new InvalidInputException("kind", "unit.rootMustBeCity");
			}
		}
		else {
			Scope scope = (actor != null) ? actor.scope() : null;
			parent = findByCode(command.parentCode().strip()).filter((p) -> scope == null || p.isWithin(scope))
				.orElseThrow(() -> new InvalidInputException("parentCode", "unit.parentUnknown", command.parentCode()));
			if (!UnitPlacementPolicy.mayPlace(command.kind(), parent.kind())) {
				throw new InvalidInputException("parentCode", "unit.placementRefused", command.kind().name(),
						parent.kind().name());
			}
		}
		long id = this.jdbc
			.sql("insert into units (code, name, kind, parent_id, path, depth) values (?, ?, ?, ?, '', ?) returning id")
			.params(code, command.name().strip(), command.kind().name(), (parent != null) ? parent.id() : null,
					(parent != null) ? parent.depth() + 1 : 0)
			.query(Long.class)
			.single();
		String path = ((parent != null) ? parent.path() : "/") + id + "/";
		this.jdbc.sql("update units set path = ? where id = ?").params(path, id).update();
		changed();
		this.audit.record(new AuditEvent(username(actor), unitCode(actor), "UNIT_CREATED", "unit", code,
				command.name().strip() + " (" + command.kind() + ") ← " + ((parent != null) ? parent.code() : "-"),
				null));
		return findById(id).orElseThrow();
	}

	@Transactional
	public Unit change(String code, UnitChange change, Actor actor) {
		Unit unit = require(code, actor.scope());
		int updated = this.jdbc
			.sql("update units set name = ?, active = ?, version = version + 1 where id = ? and version = ?")
			.params(change.name().strip(), change.active(), unit.id(), change.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("STALE_VERSION", "error.staleVersion");
		}
		changed();
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "UNIT_CHANGED", "unit", code,
				change.name().strip() + (change.active() ? "" : " (inactive)"), null));
		return findById(unit.id()).orElseThrow();
	}

	private static String username(Actor actor) {
		return (actor != null) ? actor.getUsername() : null;
	}

	private static String unitCode(Actor actor) {
		return (actor != null) ? actor.unitCode() : null;
	}

}
