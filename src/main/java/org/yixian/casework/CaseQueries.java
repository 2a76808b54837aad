package org.yixian.casework;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.shared.Hashes;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;
import org.yixian.shared.Like;
import org.yixian.shared.NotFoundException;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

/**
 * Reading cases: one case with its history, lists and inboxes within a scope (warning
 * levels computed by the database), possible repeats, and the citizen's progress page.
 */
@Service
public class CaseQueries {

	private final JdbcClient jdbc;

	private final CaseFiles files;

	private final WarningPolicy warnings;

	private final Clock clock;

	private final DemandWorkflow workflow;

	private final org.yixian.organisation.Units units;

	CaseQueries(JdbcClient jdbc, CaseFiles files, WarningPolicy warnings, DemandWorkflow workflow, Clock clock,
			org.yixian.organisation.Units units) {
		this.units = units;
		this.jdbc = jdbc;
		this.files = files;
		this.warnings = warnings;
		this.clock = clock;
		this.workflow = workflow;
	}

	/**
	 * A case the actor may see; otherwise not found.
	 */
	@Transactional(readOnly = true)
	public CaseView view(long id, Actor actor) {
		CaseFile file = this.files.load(id)
			.filter((f) -> CasePermissions.canSee(actor, f))
			.orElseThrow(() -> new NotFoundException("case " + id));
		return build(file, actor);
	}

	private CaseView build(CaseFile file, Actor actor) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		List<String> actions = this.workflow.availableActions(file, actor);
		List<CaseView.DeadlineView> deadlines = file.deadlineViews();
		List<CaseView.UnitView> units = file.unitViews();
		List<TimelineEntry> timeline = this.jdbc.sql("""
				select at, actor, actor_unit, action, from_status, to_status, comment, public
				from case_events where case_id = ? order by id""")
			.param(file.id)
			.query((rs, n) -> new TimelineEntry(rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
					rs.getString("actor_unit"), rs.getString("action"), rs.getString("from_status"),
					rs.getString("to_status"), rs.getString("comment"), rs.getBoolean("public")))
			.list();
		List<CaseView.CaseLink> merged = this.jdbc
			.sql("select id, number, status, title from cases where parent_case_id = ? order by id")
			.param(file.id)
			.query((rs, n) -> new CaseView.CaseLink(rs.getLong("id"), rs.getString("number"),
					CaseStatus.valueOf(rs.getString("status")), rs.getString("title")))
			.list();
		return this.jdbc
			.sql("""
					select c.*, cat.code as category_code, cat.name as category_name, x.code as accused_code, x.path as accused_path,
					       p.number as parent_number
					from cases c left join categories cat on cat.id = c.category_id left join units x on x.id = c.accused_unit_id
					left join cases p on p.id = c.parent_case_id
					where c.id = ?""")
			.param(file.id)
			.query((rs, n) -> {
				boolean confidential = rs.getBoolean("confidential");
				CaseView.ComplainantView complainant = mayKnowComplainant(actor, confidential,
						rs.getString("accused_path"))
								? new CaseView.ComplainantView(rs.getString("complainant_name"),
										rs.getString("complainant_phone"), rs.getString("complainant_id_number"),
										confidential)
								: null;
				String visitResolved = rs.getString("visit_resolved");
				CaseView.VisitView visit = (visitResolved != null) ? new CaseView.VisitView(
						Resolution.valueOf(visitResolved), Satisfaction.valueOf(rs.getString("visit_satisfaction")),
						rs.getString("visit_note"), rs.getObject("visited_at", OffsetDateTime.class)) : null;
				CaseView.ReplyView reply = (rs.getString("reply_text") != null)
						? new CaseView.ReplyView(rs.getString("reply_result"), rs.getString("reply_text"),
								rs.getBoolean("reply_approved"), rs.getObject("replied_at", OffsetDateTime.class))
						: null;
				CaseView.ExtensionView extension = (file.pendingExtension != null)
						? new CaseView.ExtensionView(file.pendingExtension.amount(),
								file.pendingExtension.unit().name(), file.extensionReason)
						: null;
				OffsetDateTime due = rs.getObject("current_due_at", OffsetDateTime.class);
				long parent = rs.getLong("parent_case_id");
				return new CaseView(file.id, file.number, null, file.kind, file.type, rs.getString("petition_class"),
						Channel.valueOf(rs.getString("channel")), file.status, file.version, rs.getString("title"),
						rs.getString("content"), rs.getString("category_code"), rs.getString("category_name"),
						file.area.code(), file.area.name(), rs.getString("address"), rs.getObject("lat", Double.class),
						rs.getObject("lng", Double.class), rs.getObject("received_at", OffsetDateTime.class),
						rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), complainant,
						rs.getString("accused_code"), (file.assigned != null) ? file.assigned.code() : null,
						(file.assigned != null) ? file.assigned.name() : null,
						file.status.isOpen() ? this.warnings.levelOf(due, now) : null, due, deadlines, units,
						file.returnCount, file.reopenCount, reply, visit, extension, rs.wasNull() ? null : parent,
						rs.getString("parent_number"), merged, timeline, actions);
			})
			.single();
	}

	/**
	 * The complainant's identity goes to the hotline's own staff, and to a handling unit
	 * only when the complainant did not ask for confidentiality — and never to anyone
	 * inside the unit complained about.
	 */
	static boolean mayKnowComplainant(Actor actor, boolean confidential, String accusedPath) {
		if (actor == null) {
			return true;
		}
		if (accusedPath != null && actor.unitPath().startsWith(accusedPath)) {
			return false;
		}
		if (actor.has(Role.OPERATOR) || actor.has(Role.DISPATCHER)) {
			return true;
		}
		return !confidential;
	}

	/** Counts stop here: a list shows "10,000+" rather than scanning a city's history. */
	static final int COUNT_CAP = 10_000;

	/**
	 * A page of the cases the actor may see, filtered; an inbox narrows it to one work
	 * list. Inboxes are driven by an indexed predicate on the units in scope (lead unit
	 * for the handling lists, area for the hotline's lists, open assisting tasks), so
	 * that a street's list costs the same in a city of ten million cases as in one of ten
	 * thousand.
	 */
	@Transactional(readOnly = true)
	public PageResult<CaseSummary> search(CaseQuery query, Actor actor, Paging paging) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Long[] units = this.units.idsWithin(actor.scope());
		StringBuilder where = new StringBuilder();
		List<Object> params = new ArrayList<>();
		String order = " order by c.received_at desc, c.id desc";
		if (query.inbox() != null) {
			switch (query.inbox()) {
				case TO_SIGN, HANDLING -> {
					where.append(" where c.status = ? and c.assigned_unit_id = any(?)");
					params.add((query.inbox() == CaseQuery.Inbox.TO_SIGN) ? "DISPATCHED" : "HANDLING");
					params.add(units);
					order = " order by c.current_due_at nulls last, c.id";
				}
				case TO_DISPATCH, RETURNED, TO_REVIEW, TO_VISIT -> {
					where.append(" where c.status = ? and c.area_unit_id = any(?)");
					params.add(switch (query.inbox()) {
						case TO_DISPATCH -> "REGISTERED";
						case RETURNED -> "RETURNED";
						case TO_REVIEW -> "REPLIED";
						default -> "VISITING";
					});
					params.add(units);
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
		if (query.status() != null) {
			where.append(" and c.status = ?");
			params.add(query.status().name());
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
		if (Boolean.TRUE.equals(query.overdue())) {
			where.append(" and c.current_due_at < ?");
			params.add(now);
		}
		if (query.text() != null && !query.text().isBlank()) {
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
		List<Object> countParams = new ArrayList<>(params);
		countParams.add(COUNT_CAP + 1);
		long total = this.jdbc.sql("select count(*) from (select 1 from cases c" + where + " limit ?) capped")
			.params(countParams)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(this.warnings.parameters(now));
		pageParams.addAll(params);
		pageParams.add(paging.size());
		pageParams.add(paging.offset());
		List<CaseSummary> items = this.jdbc
			.sql("select c.id, c.number, c.kind, c.type, c.channel, c.status, c.title, cat.name as category_name,"
					+ " a.name as area_name, u.code as assigned_code, u.name as assigned_name, c.received_at, c.current_due_at,"
					+ " (" + WarningPolicy.SQL + ") as warning, c.return_count, c.version"
					+ " from (select c.* from cases c" + where + order + " limit ? offset ?) c"
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
	public static List<CaseQuery.Inbox> inboxesFor(Actor actor) {
		java.util.Set<CaseQuery.Inbox> tabs = java.util.EnumSet.noneOf(CaseQuery.Inbox.class);
		if (actor.has(Role.DISPATCHER)) {
			tabs.addAll(List.of(CaseQuery.Inbox.TO_DISPATCH, CaseQuery.Inbox.RETURNED, CaseQuery.Inbox.TO_REVIEW,
					CaseQuery.Inbox.TO_VISIT));
		}
		if (actor.has(Role.OPERATOR)) {
			tabs.add(CaseQuery.Inbox.TO_VISIT);
		}
		if (actor.has(Role.HANDLER)) {
			tabs.addAll(List.of(CaseQuery.Inbox.TO_SIGN, CaseQuery.Inbox.HANDLING, CaseQuery.Inbox.ASSISTING));
		}
		if (!tabs.isEmpty() || actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER)) {
			tabs.add(CaseQuery.Inbox.OVERDUE);
		}
		return new ArrayList<>(tabs);
	}

	/**
	 * How many cases each of the actor's inboxes holds.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<CaseQuery.Inbox, Long> inboxCounts(Actor actor) {
		java.util.Map<CaseQuery.Inbox, Long> counts = new java.util.EnumMap<>(CaseQuery.Inbox.class);
		for (CaseQuery.Inbox inbox : inboxesFor(actor)) {
			counts.put(inbox, search(CaseQuery.inbox(inbox), actor, new Paging(0, 1)).total());
		}
		return counts;
	}

	/**
	 * Open cases that may be repeats of this one: the same caller's phone, or the same
	 * address, within 30 days.
	 */
	@Transactional(readOnly = true)
	public List<CaseView.CaseLink> possibleRepeats(long id, Actor actor) {
		CaseView current = view(id, actor);
		return this.jdbc.sql("""
				select o.id, o.number, o.status, o.title from cases c join cases o on o.id <> c.id
				join units a on a.id = o.area_unit_id
				where c.id = ? and o.status not in ('CLOSED', 'MERGED', 'ARCHIVED') and o.parent_case_id is null
				  and o.received_at > c.received_at - interval '30 days'
				  and ((c.complainant_phone is not null and o.complainant_phone = c.complainant_phone)
				       or (c.address is not null and o.address = c.address))
				  and a.path like ?
				order by o.received_at desc limit 10""")
			.params(current.id(), actor.scope().likePattern())
			.query((rs, n) -> new CaseView.CaseLink(rs.getLong("id"), rs.getString("number"),
					CaseStatus.valueOf(rs.getString("status")), rs.getString("title")))
			.list();
	}

	/**
	 * A citizen's view of their case; a wrong query code looks exactly like an unknown
	 * number.
	 */
	@Transactional(readOnly = true)
	public PublicProgress progress(String number, String queryCode) {
		if (number == null || queryCode == null) {
			throw new NotFoundException("case");
		}
		Optional<Row> row = this.jdbc.sql("""
				select c.id, c.number, c.title, c.status, c.received_at, c.query_code_hash, c.parent_case_id,
				       u.name as unit_name, d.due_at as reply_due, p.status as parent_status
				from cases c left join units u on u.id = c.assigned_unit_id
				left join case_deadlines d on d.case_id = c.id and d.kind = 'REPLY'
				left join cases p on p.id = c.parent_case_id
				where c.number = ?""")
			.param(number.strip().toUpperCase(Locale.ROOT))
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
					rs.getString("status"), rs.getObject("received_at", OffsetDateTime.class),
					rs.getString("query_code_hash"), rs.getObject("parent_case_id", Long.class),
					rs.getString("unit_name"), rs.getObject("reply_due", OffsetDateTime.class),
					rs.getString("parent_status")))
			.optional();
		String hash = Hashes.sha256Hex(queryCode.strip().toUpperCase(Locale.ROOT));
		if (row.isEmpty() || !MessageDigest.isEqual(row.get().queryCodeHash().getBytes(StandardCharsets.UTF_8),
				hash.getBytes(StandardCharsets.UTF_8))) {
			throw new NotFoundException("case");
		}
		Row found = row.get();
		long source = (found.parentId() != null) ? found.parentId() : found.id();
		String reply = this.jdbc.sql("select reply_text from cases where id = ? and reply_approved")
			.param(source)
			.query(String.class)
			.optional()
			.orElse(null);
		List<PublicProgress.PublicEvent> events = this.jdbc.sql("""
				select at, action, comment from case_events where case_id in (?, ?) and public order by at, id""")
			.params(found.id(), source)
			.query((rs, n) -> {
				String action = rs.getString("action");
				String comment = rs.getString("comment");
				String unit = "dispatch".equals(action) ? comment : null;
				String text = switch (action) {
					case "review-reply", "close", "merge" -> comment;
					default -> null;
				};
				return new PublicProgress.PublicEvent(rs.getObject("at", OffsetDateTime.class), action, unit, text);
			})
			.list();
		return new PublicProgress(found.number(), found.title(), CaseStatus.valueOf(found.status()),
				found.parentStatus(), found.unitName(), found.receivedAt(), found.replyDue(), reply, events);
	}

	private record Row(long id, String number, String title, String status, OffsetDateTime receivedAt,
			String queryCodeHash, Long parentId, String unitName, OffsetDateTime replyDue, String parentStatus) {
	}

}
