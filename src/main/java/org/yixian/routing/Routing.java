package org.yixian.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.calendar.PeriodUnit;
import org.yixian.calendar.TimeLimit;
import org.yixian.catalog.Categories;
import org.yixian.catalog.Category;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;
import org.yixian.shared.ClusterSignals;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * The dispatch catalogue and the time-limit policies.
 */
@Service
public class Routing {

	/** Without a policy a demand must be signed within 24 hours. */
	public static final TimeLimit DEFAULT_SIGN = TimeLimit.hours(24);

	/**
	 * Without a policy a demand must be replied to within 5 working days (a common local
	 * rule).
	 */
	public static final TimeLimit DEFAULT_REPLY = TimeLimit.workingDays(5);

	private final JdbcClient jdbc;

	private final Units units;

	private final Categories categories;

	private final AuditLog audit;

	private final ClusterSignals.Invalidation invalidation;

	Routing(JdbcClient jdbc, Units units, Categories categories, AuditLog audit, ClusterSignals signals) {
		this.jdbc = jdbc;
		this.units = units;
		this.categories = categories;
		this.audit = audit;
		this.invalidation = signals.invalidation("routing", () -> this.snapshot = null);
	}

	/**
	 * The most specific rule for a category path and an area path: the deepest matching
	 * category first, then the deepest matching area. Matched in memory against a
	 * snapshot of the catalogue, dropped on every change made here and at most 30 seconds
	 * old.
	 */
	public Optional<Route> route(String categoryPath, String areaPath) {
		for (RuleRow rule : snapshot().rules()) {
			boolean area = areaPath.startsWith(rule.areaPath());
			boolean category = rule.categoryPath() == null
					|| (categoryPath != null && categoryPath.startsWith(rule.categoryPath()));
			if (area && category) {
				return Optional.of(new Route(rule.id(), rule.targetId(), rule.targetCode(), rule.copies()));
			}
		}
		return Optional.empty();
	}

	/**
	 * The signing and reply periods for a case: the most specific policy, else the
	 * defaults.
	 */
	public Limits limitsFor(String caseKind, String type, String categoryPath) {
		for (PolicyRow policy : snapshot().policies()) {
			boolean kind = policy.caseKind().equals(caseKind);
			boolean typeMatches = policy.type() == null || policy.type().equals(type);
			boolean category = policy.categoryPath() == null
					|| (categoryPath != null && categoryPath.startsWith(policy.categoryPath()));
			if (kind && typeMatches && category) {
				return new Limits((policy.sign() != null) ? policy.sign() : DEFAULT_SIGN,
						(policy.reply() != null) ? policy.reply() : DEFAULT_REPLY);
			}
		}
		return new Limits(DEFAULT_SIGN, DEFAULT_REPLY);
	}

	private volatile Snapshot snapshot;

	private Snapshot snapshot() {
		Snapshot current = this.snapshot;
		if (current == null || System.nanoTime() - current.loadedAt() > 30_000_000_000L) {
			List<RuleRow> rules = this.jdbc
				.sql("""
						select r.id, r.target_unit_id, t.code as target_code, c.path as category_path, a.path as area_path,
						       coalesce((select array_agg(unit_id order by unit_id) from dispatch_rule_copies x where x.rule_id = r.id), '{}') as copies
						from dispatch_rules r join units a on a.id = r.area_unit_id join units t on t.id = r.target_unit_id
						left join categories c on c.id = r.category_id
						order by coalesce(c.depth, -1) desc, a.depth desc, r.id""")
				.query((rs, n) -> {
					List<Long> copies = new ArrayList<>();
					for (Long id : (Long[]) rs.getArray("copies").getArray()) {
						copies.add(id);
					}
					return new RuleRow(rs.getLong("id"), rs.getString("category_path"), rs.getString("area_path"),
							rs.getLong("target_unit_id"), rs.getString("target_code"), List.copyOf(copies));
				})
				.list();
			List<PolicyRow> policies = this.jdbc
				.sql("""
						select p.case_kind, p.type, c.path as category_path, p.sign_amount, p.sign_unit, p.reply_amount, p.reply_unit
						from time_limit_policies p left join categories c on c.id = p.category_id
						order by coalesce(c.depth, -1) desc, (p.type is not null) desc, p.id""")
				.query((rs, n) -> new PolicyRow(rs.getString("case_kind"), rs.getString("type"),
						rs.getString("category_path"),
						limit(rs.getObject("sign_amount", Integer.class), rs.getString("sign_unit")),
						limit(rs.getObject("reply_amount", Integer.class), rs.getString("reply_unit"))))
				.list();
			current = new Snapshot(rules, policies, System.nanoTime());
			this.snapshot = current;
		}
		return current;
	}

	private void changed() {
		this.invalidation.changed();
	}

	private record Snapshot(List<RuleRow> rules, List<PolicyRow> policies, long loadedAt) {
	}

	private record RuleRow(long id, String categoryPath, String areaPath, long targetId, String targetCode,
			List<Long> copies) {
	}

	private record PolicyRow(String caseKind, String type, String categoryPath, TimeLimit sign, TimeLimit reply) {
	}

	private static TimeLimit limit(Integer amount, String unit) {
		return (amount != null && unit != null) ? new TimeLimit(amount, PeriodUnit.valueOf(unit)) : null;
	}

	/**
	 * Adds a rule; all units must lie in the actor's scope (a null actor is the system).
	 */
	@Transactional
	public DispatchRule addRule(NewDispatchRule command, Actor actor) {
		List<FieldMessage> problems = new ArrayList<>();
		Category category = null;
		if (command.categoryCode() != null && !command.categoryCode().isBlank()) {
			category = this.categories.findByCode(command.categoryCode().strip()).orElse(null);
			if (category == null) {
				problems.add(new FieldMessage("categoryCode", "category.parentUnknown", command.categoryCode()));
			}
		}
		Unit area = unitInScope(command.areaUnitCode(), actor, "areaUnitCode", problems);
		Unit target = unitInScope(command.targetUnitCode(), actor, "targetUnitCode", problems);
		List<Unit> copies = new ArrayList<>();
		List<String> copyCodes = (command.copyUnitCodes() != null) ? command.copyUnitCodes() : List.of();
		for (int i = 0; i < copyCodes.size(); i++) {
			copies.add(unitInScope(copyCodes.get(i), actor, "copyUnitCodes[" + i + "]", problems));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		boolean exists = this.jdbc.sql(
				"select exists (select 1 from dispatch_rules where category_id is not distinct from ? and area_unit_id = ?)")
			.params((category != null) ? category.id() : null, area.id())
			.query(Boolean.class)
			.single();
		if (exists) {
			throw ConflictException.alreadyExists("areaUnitCode", area.code());
		}
		long id = this.jdbc.sql(
				"insert into dispatch_rules (category_id, area_unit_id, target_unit_id, created_by) values (?, ?, ?, ?) returning id")
			.params((category != null) ? category.id() : null, area.id(), target.id(), name(actor))
			.query(Long.class)
			.single();
		for (Unit copy : copies) {
			this.jdbc.sql("insert into dispatch_rule_copies (rule_id, unit_id) values (?, ?) on conflict do nothing")
				.params(id, copy.id())
				.update();
		}
		changed();
		this.audit.record(new AuditEvent(name(actor), unit(actor), "DISPATCH_RULE_CREATED", "dispatch-rule",
				Long.toString(id),
				((category != null) ? category.code() : "*") + " × " + area.code() + " → " + target.code(), null));
		return rules().stream().filter((r) -> r.id() == id).findFirst().orElseThrow();
	}

	@Transactional
	public void deleteRule(long id, Actor actor) {
		if (this.jdbc.sql("""
				delete from dispatch_rules r using units a
				where r.id = ? and a.id = r.area_unit_id and a.path like ?""")
			.params(id, actor.scope().likePattern())
			.update() == 0) {
			throw new NotFoundException("dispatch-rule " + id);
		}
		changed();
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "DISPATCH_RULE_DELETED",
				"dispatch-rule", Long.toString(id), null, null));
	}

	@Transactional(readOnly = true)
	public List<DispatchRule> rules() {
		return this.jdbc
			.sql("""
					select r.id, c.code as category_code, c.name as category_name, a.code as area_code, a.name as area_name,
					       t.code as target_code, t.name as target_name,
					       coalesce((select array_agg(u.code order by u.code) from dispatch_rule_copies x join units u on u.id = x.unit_id
					                 where x.rule_id = r.id), '{}') as copies
					from dispatch_rules r join units a on a.id = r.area_unit_id join units t on t.id = r.target_unit_id
					left join categories c on c.id = r.category_id
					order by a.path, c.path nulls first""")
			.query((rs, n) -> new DispatchRule(rs.getLong("id"), rs.getString("category_code"),
					rs.getString("category_name"), rs.getString("area_code"), rs.getString("area_name"),
					rs.getString("target_code"), rs.getString("target_name"),
					List.of((String[]) rs.getArray("copies").getArray())))
			.list();
	}

	/** The demand types a policy may name (the casework module's vocabulary). */
	static final java.util.Set<String> DEMAND_TYPES = java.util.Set.of("CONSULT", "HELP", "COMPLAINT", "REPORT",
			"SUGGESTION", "PRAISE");

	/**
	 * A period's length in hours, counting a working day as a day, to compare two limits.
	 */
	static long roughHours(org.yixian.calendar.TimeLimit limit) {
		return (limit.unit() == org.yixian.calendar.PeriodUnit.HOURS) ? limit.amount() : 24L * limit.amount();
	}

	@Transactional
	public TimeLimitPolicy addPolicy(NewTimeLimitPolicy command, Actor actor) {
		if (actor != null && !actor.isCityWide()) {
			throw new org.yixian.shared.ForbiddenException("routing.cityWide");
		}
		Category category = null;
		if (command.categoryCode() != null && !command.categoryCode().isBlank()) {
			category = this.categories.findByCode(command.categoryCode().strip())
				.orElseThrow(() -> new InvalidInputException("categoryCode", "category.parentUnknown",
						command.categoryCode()));
		}
		String type = (command.type() == null || command.type().isBlank()) ? null : command.type().strip();
		List<FieldMessage> problems = new ArrayList<>();
		if (command.caseKind() == NewTimeLimitPolicy.CaseKindName.PETITION) {
			problems.add(new FieldMessage("caseKind", "routing.petitionClocksByLaw"));
		}
		else if (type != null && !DEMAND_TYPES.contains(type)) {
			problems.add(new FieldMessage("type", "routing.unknownType", type));
		}
		if (command.signWithin() == null) {
			problems.add(new FieldMessage("signWithin", "NotNull"));
		}
		if (command.replyWithin() == null) {
			problems.add(new FieldMessage("replyWithin", "NotNull"));
		}
		if (command.signWithin() != null && command.replyWithin() != null
				&& roughHours(command.replyWithin()) < roughHours(command.signWithin())) {
			problems.add(new FieldMessage("replyWithin", "routing.replyBeforeSign"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		boolean exists = this.jdbc.sql("""
				select exists (select 1 from time_limit_policies where case_kind = ? and type is not distinct from ?
				  and category_id is not distinct from ?)""")
			.params(command.caseKind().name(), type, (category != null) ? category.id() : null)
			.query(Boolean.class)
			.single();
		if (exists && !Boolean.TRUE.equals(command.replace())) {
			throw new ConflictException("ALREADY_EXISTS", "routing.policyExists",
					List.of(new FieldMessage("replace", "routing.policyExists")));
		}
		long id = this.jdbc
			.sql("""
					insert into time_limit_policies (case_kind, type, category_id, sign_amount, sign_unit, reply_amount, reply_unit, created_by)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (case_kind, type, category_id) do update set
					  sign_amount = excluded.sign_amount, sign_unit = excluded.sign_unit,
					  reply_amount = excluded.reply_amount, reply_unit = excluded.reply_unit, created_by = excluded.created_by
					returning id""")
			.params(command.caseKind().name(), type, (category != null) ? category.id() : null,
					(command.signWithin() != null) ? command.signWithin().amount() : null,
					(command.signWithin() != null) ? command.signWithin().unit().name() : null,
					(command.replyWithin() != null) ? command.replyWithin().amount() : null,
					(command.replyWithin() != null) ? command.replyWithin().unit().name() : null, name(actor))
			.query(Long.class)
			.single();
		changed();
		this.audit.record(new AuditEvent(name(actor), unit(actor), "TIME_LIMIT_SET", "time-limit", Long.toString(id),
				command.caseKind() + "/" + type + "/" + ((category != null) ? category.code() : "*") + " sign "
						+ command.signWithin() + " reply " + command.replyWithin(),
				null));
		return policies().stream().filter((p) -> p.id() == id).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<TimeLimitPolicy> policies() {
		return this.jdbc
			.sql("""
					select p.id, p.case_kind, p.type, c.code as category_code, p.sign_amount, p.sign_unit, p.reply_amount, p.reply_unit
					from time_limit_policies p left join categories c on c.id = p.category_id
					order by p.case_kind, c.path nulls first, p.type nulls first""")
			.query((rs, n) -> new TimeLimitPolicy(rs.getLong("id"), rs.getString("case_kind"), rs.getString("type"),
					rs.getString("category_code"),
					limit(rs.getObject("sign_amount", Integer.class), rs.getString("sign_unit")),
					limit(rs.getObject("reply_amount", Integer.class), rs.getString("reply_unit"))))
			.list();
	}

	private Unit unitInScope(String code, Actor actor, String field, List<FieldMessage> problems) {
		if (code == null || code.isBlank()) {
			problems.add(new FieldMessage(field, "NotBlank"));
			return null;
		}
		Optional<Unit> unit = this.units.findByCode(code.strip())
			.filter((u) -> actor == null || u.isWithin(actor.scope()));
		if (unit.isEmpty()) {
			problems.add(new FieldMessage(field, "unit.unknown", code));
			return null;
		}
		return unit.get();
	}

	private static String name(Actor actor) {
		return (actor != null) ? actor.getUsername() : null;
	}

	private static String unit(Actor actor) {
		return (actor != null) ? actor.unitCode() : null;
	}

	/**
	 * The periods that apply to a case.
	 */
	public record Limits(TimeLimit sign, TimeLimit reply) {
	}

}
