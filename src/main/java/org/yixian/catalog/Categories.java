package org.yixian.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * The category tree.
 */
@Service
public class Categories {

	static final int MAX_DEPTH = 3;

	private static final String SELECT = """
			select c.id, c.code, c.name, p.code as parent_code, c.depth, c.public, c.active, c.path
			from categories c left join categories p on p.id = c.parent_id""";

	private static final RowMapper<Category> ROW = (rs, n) -> new Category(rs.getLong("id"), rs.getString("code"),
			rs.getString("name"), rs.getString("parent_code"), rs.getInt("depth"), rs.getBoolean("public"),
			rs.getBoolean("active"), rs.getString("path"), List.of());

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ClusterSignals.Invalidation invalidation;

	Categories(JdbcClient jdbc, AuditLog audit, ClusterSignals signals) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.invalidation = signals.invalidation("categories", () -> this.snapshot = null);
	}

	/**
	 * Looks a category up in an in-memory snapshot, dropped on every change made here and
	 * at most 30 seconds old.
	 */
	public Optional<Category> findByCode(String code) {
		Snapshot current = this.snapshot;
		if (current == null || System.nanoTime() - current.loadedAt() > 30_000_000_000L) {
			java.util.Map<String, Category> byCode = new java.util.HashMap<>();
			this.jdbc.sql(SELECT).query(ROW).list().forEach((c) -> byCode.put(c.code(), c));
			current = new Snapshot(byCode, System.nanoTime());
			this.snapshot = current;
		}
		return Optional.ofNullable(current.byCode().get(code));
	}

	private volatile Snapshot snapshot;

	private record Snapshot(java.util.Map<String, Category> byCode, long loadedAt) {
	}

	private void changed() {
		this.invalidation.changed();
	}

	/**
	 * Every category in tree order, flat.
	 */
	@Transactional(readOnly = true)
	public List<Category> all() {
		return this.jdbc.sql(SELECT + " order by string_to_array(trim(both '/' from c.path), '/')::bigint[]")
			.query(ROW)
			.list();
	}

	/**
	 * The roots with their children nested.
	 */
	@Transactional(readOnly = true)
	public List<Category> tree() {
		List<Category> flat = this.jdbc.sql(SELECT + " order by c.depth desc, c.sort_order, c.code").query(ROW).list();
		Map<String, List<Category>> childrenByParent = new HashMap<>();
		List<Category> roots = new ArrayList<>();
		for (Category category : flat) {
			Category full = category
				.withChildren(List.copyOf(childrenByParent.getOrDefault(category.code(), List.of())));
			if (category.parentCode() == null) {
				roots.add(full);
			}
			else {
				childrenByParent.computeIfAbsent(category.parentCode(), (k) -> new ArrayList<>()).add(full);
			}
		}
		roots.sort(java.util.Comparator.comparingLong(Category::id));
		return roots;
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.jdbc.sql("select count(*) from categories").query(Long.class).single();
	}

	@Transactional
	public Category create(NewCategory command, String actor, String actorUnit) {
		String code = command.code().strip();
		if (findByCode(code).isPresent()) {
			throw ConflictException.alreadyExists("code", code);
		}
		Category parent = null;
		if (command.parentCode() != null && !command.parentCode().isBlank()) {
			parent = findByCode(command.parentCode().strip()).orElseThrow(
					() -> new InvalidInputException("parentCode", "category.parentUnknown", command.parentCode()));
			if (parent.depth() + 1 >= MAX_DEPTH) {
				throw new InvalidInputException("parentCode", "category.tooDeep", MAX_DEPTH);
			}
		}
		int sortOrder = this.jdbc
			.sql("select coalesce(max(sort_order), 0) + 1 from categories where parent_id is not distinct from ?")
			.param((parent != null) ? parent.id() : null)
			.query(Integer.class)
			.single();
		long id = this.jdbc.sql("""
				insert into categories (code, name, parent_id, path, depth, public, sort_order)
				values (?, ?, ?, '', ?, ?, ?) returning id""")
			.params(code, command.name().strip(), (parent != null) ? parent.id() : null,
					(parent != null) ? parent.depth() + 1 : 0,
					command.publicService() == null || command.publicService(), sortOrder)
			.query(Long.class)
			.single();
		this.jdbc.sql("update categories set path = ? where id = ?")
			.params(((parent != null) ? parent.path() : "/") + id + "/", id)
			.update();
		changed();
		this.audit.record(new AuditEvent(actor, actorUnit, "CATEGORY_CREATED", "category", code,
				command.name().strip() + " ← " + ((parent != null) ? parent.code() : "-"), null));
		return findByCode(code).orElseThrow();
	}

}
