package org.yixian.casework;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;
import org.yixian.organisation.Units;
import org.yixian.shared.Like;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;
import org.yixian.shared.ReadReplica;

/**
 * Lists of cases: searches, the work lists (inboxes) of each role with their counts, and
 * the petition backlog, all within the caller's scope and the confidentiality policy,
 * with warning levels computed by the database. The lists and their counts run outside a
 * transaction: each statement takes a connection of its own pool, so that with a replica
 * configured a list holds no connection of the primary.
 */
@Service
public class CaseLists {

	private final JdbcClient jdbc;

	private final WarningPolicy warnings;

	private final Clock clock;

	private final Units units;

	private final CaseUnits caseUnits;

	/** Lists and counts: the replica when one is configured. */
	private final JdbcClient lists;

	private final TextFilter textFilter;

	CaseLists(JdbcClient jdbc, WarningPolicy warnings, Clock clock, Units units, CaseUnits caseUnits,
			ReadReplica replica, TextFilter textFilter) {
		this.caseUnits = caseUnits;
		this.jdbc = jdbc;
		this.lists = replica.jdbc();
		this.textFilter = textFilter;
		this.warnings = warnings;
		this.clock = clock;
		this.units = units;
	}

	/** Counts stop here: a list shows "10,000+" rather than scanning a city's history. */
	static final int COUNT_CAP = 10_000;

	/**
	 * A work list's count stops here ("1000+"): deeper than that a list is a backlog to
	 * be filtered, not paged, and its count is read on every page and for every tab — at
	 * 10 M cases counting to 10,000 was most of a street's inbox request (6–7 ms of 8).
	 */
	public static final int INBOX_COUNT_CAP = 1_000;

	/**
	 * How deep into a work list the per-unit merge serves pages (beyond it, one plain
	 * query).
	 */
	private static final int PER_UNIT_DEPTH = 2_000;

	/**
	 * Up to how many units the per-unit merge is used: one index probe per unit, so for a
	 * city-wide list over thousands of communities one query over all of them is cheaper.
	 */
	private static final int PER_UNIT_UNITS = 300;

	private static final String ASSIGNED_IN = "c.assigned_unit_id = any(?)";

	private static final String AREA_IN = "c.area_unit_id = any(?)";

	/**
	 * A page of the cases the actor may see, filtered; an inbox narrows it to one work
	 * list. Inboxes are driven by an indexed predicate on the units in scope (lead unit
	 * for the handling lists, area for the hotline's lists, open assisting tasks), so
	 * that a street's list costs the same in a city of ten million cases as in one of ten
	 * thousand.
	 */
	public PageResult<CaseSummary> search(CaseQuery query, Actor actor, Paging paging) {
		return search(query, actor, paging, null);
	}

	/**
	 * The petition backlog (积案) in the actor's scope: open petitions past their clock,
	 * and the cases the petition track names (petitioned three times or more, final with
	 * follow-up owed), most overdue first.
	 */
	public PageResult<CaseSummary> backlog(List<Long> namedCaseIds, Actor actor, Paging paging) {
		return search(new CaseQuery(null, null, CaseKind.PETITION, null, null, null, null, null), actor, paging,
				namedCaseIds.toArray(Long[]::new));
	}

	/**
	 * The cases with these ids that the actor may see, with their warning levels, in no
	 * particular order: how other modules show the cases their own records point to (a
	 * leader's package cases, a session's tasks).
	 */
	@Transactional(readOnly = true)
	public Map<Long, CaseSummary> summaries(Collection<Long> ids, Actor actor) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, CaseSummary> found = new HashMap<>();
		search(new CaseQuery(null, null, null, null, null, null, null, null), actor,
				new Paging(0, Math.min(ids.size(), Paging.MAX_SIZE)), null, ids.toArray(Long[]::new))
			.items()
			.forEach((c) -> found.put(c.id(), c));
		return found;
	}

	/**
	 * 来电历史: the caller's latest cases that the actor may see, newest first.
	 */
	@Transactional(readOnly = true)
	public List<CaseSummary> byCaller(String phone, Actor actor, int limit) {
		String number = (phone == null) ? "" : phone.strip();
		if (number.length() < 7 || number.length() > 20) {
			return List.of();
		}
		List<Long> ids = this.jdbc.sql("""
				select id from cases where complainant_phone = ? and kind = 'DEMAND'
				order by received_at desc, id desc limit 50""").param(number).query(Long.class).list();
		Map<Long, CaseSummary> visible = summaries(ids, actor);
		return ids.stream().map(visible::get).filter(java.util.Objects::nonNull).limit(limit).toList();
	}

	private PageResult<CaseSummary> search(CaseQuery query, Actor actor, Paging paging, Long[] backlog) {
		return search(query, actor, paging, backlog, null);
	}

	private PageResult<CaseSummary> search(CaseQuery query, Actor actor, Paging paging, Long[] backlog, Long[] only) {
		// the cases other modules' records point to are read where they were written
		JdbcClient jdbc = (only == null) ? this.lists : this.jdbc;
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Long[] units = this.units.idsWithin(actor.scope());
		StringBuilder where = new StringBuilder();
		List<Object> params = new ArrayList<>();
		String order = " order by c.received_at desc, c.id desc";
		String perUnit = null;
		if (query.inbox() != null) {
			switch (query.inbox()) {
				case TO_SIGN, HANDLING, TO_ACCEPT -> {
					// the status is written into the statement (it is one of ours,
					// never the caller's) so that PostgreSQL can use the partial
					// open-case indexes of V0066 even with a generic plan
					CaseStatus status = switch (query.inbox()) {
						case TO_SIGN -> CaseStatus.DISPATCHED;
						case HANDLING -> CaseStatus.HANDLING;
						default -> CaseStatus.TRANSFERRED;
					};
					where.append(" where c.status = '").append(status.name()).append("' and ").append(ASSIGNED_IN);
					params.add(units);
					perUnit = ASSIGNED_IN;
					order = " order by c.current_due_at nulls last, c.id";
				}
				case PETITION_HANDLING -> {
					where.append(" where c.status in ('ACCEPTED', 'REVIEWING', 'RECHECKING') and ").append(ASSIGNED_IN);
					params.add(units);
					perUnit = ASSIGNED_IN;
					order = " order by c.current_due_at nulls last, c.id";
				}
				case OBJECTED, WINDOW -> {
					where.append((query.inbox() == CaseQuery.Inbox.OBJECTED) ? " where c.status = 'OBJECTED'"
							: " where c.status in ('DECIDED', 'REVIEWED')");
					where.append(" and ").append(AREA_IN);
					params.add(units);
					perUnit = AREA_IN;
					order = " order by c.received_at, c.id";
				}
				case TO_DISPATCH, RETURNED, TO_REVIEW, TO_VISIT -> {
					CaseStatus status = switch (query.inbox()) {
						case TO_DISPATCH -> CaseStatus.REGISTERED;
						case RETURNED -> CaseStatus.RETURNED;
						case TO_REVIEW -> CaseStatus.REPLIED;
						default -> CaseStatus.VISITING;
					};
					where.append(" where c.status = '").append(status.name()).append("' and ").append(AREA_IN);
					if (query.inbox() == CaseQuery.Inbox.TO_DISPATCH) {
						where.append(petitionOffice(actor) ? " and c.kind = 'PETITION'" : " and c.kind = 'DEMAND'");
					}
					params.add(units);
					perUnit = AREA_IN;
					order = " order by c.received_at, c.id";
				}
				case ASSISTING -> {
					where.append(" where c.id in (select t.case_id from case_units t where t.role = 'ASSIST'"
							+ " and t.state = 'OPEN' and t.unit_id = any(?))");
					params.add(units);
					order = " order by c.current_due_at nulls last, c.id";
				}
				case OVERDUE -> {
					where.append(
							" where c.current_due_at < ? and (c.assigned_unit_id = any(?) or c.area_unit_id = any(?))");
					params.add(now);
					params.add(units);
					params.add(units);
					order = " order by c.current_due_at, c.id";
				}
			}
		}
		else {
			where.append(
					" where (c.area_unit_id = any(?) or c.assigned_unit_id = any(?) or exists (select 1 from case_units t"
							+ " where t.case_id = c.id and t.state = 'OPEN' and t.unit_id = any(?)))");
			params.add(units);
			params.add(units);
			params.add(units);
		}
		where.append(" and ").append(Confidentiality.SQL);
		params.add(Confidentiality.ancestry(actor));
		if (query.status() != null) {
			where.append(" and c.status = ?");
			params.add(query.status().name());
		}
		if (query.categoryCode() != null && !query.categoryCode().isBlank()) {
			where.append(" and c.category_id in (select id from categories where path like"
					+ " (select path || '%' from categories where code = ?))");
			params.add(query.categoryCode().strip());
		}
		if (query.kind() != null) {
			where.append(" and c.kind = ?");
			params.add(query.kind().name());
		}
		if (query.unitCode() != null && !query.unitCode().isBlank()) {
			where.append(
					" and c.assigned_unit_id in (select id from units where path like (select path || '%' from units where code = ?))");
			params.add(query.unitCode().strip());
		}
		if (backlog != null) {
			where.append(" and (c.id = any(?) or (c.current_due_at < ? and c.status not in ('CLOSED', 'MERGED',"
					+ " 'ARCHIVED', 'FINAL', 'NOT_ACCEPTED')))");
			params.add(backlog);
			params.add(now);
			order = " order by c.current_due_at nulls last, c.id";
		}
		if (only != null) {
			where.append(" and c.id = any(?)");
			params.add(only);
		}
		if (Boolean.TRUE.equals(query.overdue())) {
			where.append(" and c.current_due_at < ?");
			params.add(now);
		}
		int countCap = (query.inbox() != null) ? INBOX_COUNT_CAP : COUNT_CAP;
		boolean text = query.text() != null && !query.text().isBlank() && only == null;
		if (text) {
			Long[] candidates = this.textFilter.candidates(query.text().strip());
			if (candidates != null) {
				where.append(" and c.id = any(?)");
				params.add(candidates);
			}
			else {
				// the database reads case by case: a count to 1,000 ("1000+") is what it
				// can afford within the time limit
				countCap = INBOX_COUNT_CAP;
			}
			jdbc = this.textFilter.jdbc();
			where.append(" and (c.number = ? or c.title like ? or c.content like ?)");
			params.add(query.text().strip().toUpperCase(Locale.ROOT));
			params.add(Like.containing(query.text()));
			params.add(Like.containing(query.text()));
		}
		if (query.from() != null) {
			where.append(" and c.received_at >= ?");
			params.add(query.from());
		}
		if (query.to() != null) {
			where.append(" and c.received_at < ?");
			params.add(query.to());
		}
		if (query.sort() != null) {
			order = " order by " + query.sort().sql;
		}
		try {
			return page(jdbc, countCap, paging, now, units, where.toString(), params, order, perUnit);
		}
		catch (DataAccessException ex) {
			throw text ? TextFilter.stopped(ex, query.text()) : ex;
		}
	}

	private PageResult<CaseSummary> page(JdbcClient jdbc, int countCap, Paging paging, OffsetDateTime now, Long[] units,
			String where, List<Object> params, String order, String perUnit) {
		List<Object> countParams = new ArrayList<>(params);
		countParams.add(countCap + 1);
		long total = jdbc.sql("select count(*) from (select 1 from cases c" + where + " limit ?) capped")
			.params(countParams)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(this.warnings.parameters(now));
		String page;
		if (perUnit != null && paging.offset() + paging.size() <= PER_UNIT_DEPTH && units.length <= PER_UNIT_UNITS) {
			// a work list over many units: the first rows of each unit in the list's
			// order (an index range each), merged; its cost follows the page, not the
			// units' open cases
			page = "select c.* from unnest(?::bigint[]) s(unit_id) cross join lateral (select c.* from cases c"
					+ where.replace(perUnit, perUnit.replace("= any(?)", "= s.unit_id")) + order + " limit ?) c" + order
					+ " limit ? offset ?";
			pageParams.addAll(params);
			pageParams.add(paging.offset() + paging.size());
		}
		else {
			page = "select c.* from cases c" + where + order + " limit ? offset ?";
			pageParams.addAll(params);
		}
		pageParams.add(paging.size());
		pageParams.add(paging.offset());
		List<CaseSummary> items = jdbc
			.sql("select c.id, c.number, c.kind, c.type, c.channel, c.status, c.title, cat.name as category_name,"
					+ " a.name as area_name, u.code as assigned_code, u.name as assigned_name, c.received_at, c.current_due_at,"
					+ " (" + WarningPolicy.SQL + ") as warning, c.return_count, c.version" + " from (" + page + ") c"
					+ " join units a on a.id = c.area_unit_id left join units u on u.id = c.assigned_unit_id"
					+ " left join categories cat on cat.id = c.category_id" + order)
			.params(pageParams)
			.query((rs, n) -> {
				String warning = rs.getString("warning");
				CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
				return new CaseSummary(rs.getLong("id"), rs.getString("number"), CaseKind.valueOf(rs.getString("kind")),
						rs.getString("type"), Channel.valueOf(rs.getString("channel")), status, rs.getString("title"),
						rs.getString("category_name"), rs.getString("area_name"), rs.getString("assigned_code"),
						rs.getString("assigned_name"), rs.getObject("received_at", OffsetDateTime.class),
						rs.getObject("current_due_at", OffsetDateTime.class),
						(warning != null && status.isOpen()) ? WarningLevel.valueOf(warning) : null,
						rs.getInt("return_count"), rs.getInt("version"));
			})
			.list();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

	/**
	 * The work lists that matter to the actor's roles, in the order a workday runs
	 * through them.
	 */
	private boolean petitionOffice(Actor actor) {
		return this.caseUnits.isPetitionOffice(actor);
	}

	public List<CaseQuery.Inbox> inboxesFor(Actor actor) {
		java.util.Set<CaseQuery.Inbox> tabs = java.util.EnumSet.noneOf(CaseQuery.Inbox.class);
		if (petitionOffice(actor) && (actor.has(Role.DISPATCHER) || actor.has(Role.OPERATOR))) {
			tabs.addAll(List.of(CaseQuery.Inbox.TO_DISPATCH, CaseQuery.Inbox.OBJECTED, CaseQuery.Inbox.WINDOW));
		}
		else {
			if (actor.has(Role.DISPATCHER)) {
				tabs.addAll(List.of(CaseQuery.Inbox.TO_DISPATCH, CaseQuery.Inbox.RETURNED, CaseQuery.Inbox.TO_REVIEW,
						CaseQuery.Inbox.TO_VISIT));
			}
			if (actor.has(Role.OPERATOR)) {
				tabs.add(CaseQuery.Inbox.TO_VISIT);
			}
		}
		if (actor.has(Role.HANDLER)) {
			tabs.addAll(List.of(CaseQuery.Inbox.TO_SIGN, CaseQuery.Inbox.HANDLING, CaseQuery.Inbox.ASSISTING,
					CaseQuery.Inbox.TO_ACCEPT, CaseQuery.Inbox.PETITION_HANDLING));
		}
		if (!tabs.isEmpty() || actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER)) {
			tabs.add(CaseQuery.Inbox.OVERDUE);
		}
		return new ArrayList<>(tabs);
	}

	/**
	 * How many cases each of the actor's inboxes holds.
	 */
	public java.util.Map<CaseQuery.Inbox, Long> inboxCounts(Actor actor) {
		java.util.Map<CaseQuery.Inbox, Long> counts = new java.util.EnumMap<>(CaseQuery.Inbox.class);
		for (CaseQuery.Inbox inbox : inboxesFor(actor)) {
			counts.put(inbox, search(CaseQuery.inbox(inbox), actor, new Paging(0, 1)).total());
		}
		return counts;
	}

}
