package org.yixian.casework;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.shared.Hashes;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;
import org.yixian.organisation.Units;
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
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

	private final CaseTracks tracks;

	private final Units units;

	private final AuditLog audit;

	CaseQueries(JdbcClient jdbc, CaseFiles files, WarningPolicy warnings, CaseTracks tracks, Clock clock, Units units,
			AuditLog audit) {
		this.units = units;
		this.jdbc = jdbc;
		this.files = files;
		this.warnings = warnings;
		this.clock = clock;
		this.tracks = tracks;
		this.audit = audit;
	}

	/**
	 * A case the actor may see; otherwise not found. A null actor is the system (the
	 * answer to a citizen's own submission), which sees the case without actions.
	 */
	@Transactional(readOnly = true)
	public CaseView view(long id, Actor actor) {
		CaseFile file = this.files.load(id)
			.filter((f) -> actor == null || CasePermissions.canSee(actor, f))
			.orElseThrow(() -> new NotFoundException("case " + id));
		return build(file, actor, false);
	}

	/**
	 * The case with its complainant in full, for a person who may know the complainant
	 * and gives a reason; the reveal is written to the operation log.
	 */
	@Transactional
	public CaseView reveal(long id, String reason, Actor actor) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "NotBlank");
		}
		if (reason.length() > 500) {
			throw new InvalidInputException("reason", "Size", 500);
		}
		CaseFile file = this.files.load(id)
			.filter((f) -> CasePermissions.canSee(actor, f))
			.orElseThrow(() -> new NotFoundException("case " + id));
		CaseView view = build(file, actor, true);
		if (view.complainant() == null) {
			throw new ForbiddenException("case.mayNotKnowComplainant");
		}
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "REVEAL_IDENTITY", "case", file.number,
				reason.strip(), null));
		return view;
	}

	private CaseView build(CaseFile file, Actor actor, boolean revealed) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		List<String> actions = this.tracks.available(file, actor);
		List<TimelineEntry> timeline = this.jdbc.sql("""
				select e.at, e.recorded_at, e.backdated, e.actor, u.display_name, e.actor_unit, e.action, e.from_status,
				       e.to_status, e.comment, e.public, e.payload::text as payload
				from case_events e left join users u on u.username = e.actor
				where e.case_id = ? order by e.id""")
			.param(file.id)
			.query((rs, n) -> new TimelineEntry(rs.getObject("at", OffsetDateTime.class),
					rs.getObject("recorded_at", OffsetDateTime.class), rs.getBoolean("backdated"),
					rs.getString("actor"), rs.getString("display_name"), rs.getString("actor_unit"),
					rs.getString("action"), rs.getString("from_status"), rs.getString("to_status"),
					rs.getString("comment"), rs.getBoolean("public"), Timeline.parse(rs.getString("payload"))))
			.list();
		List<CaseView.CaseLink> merged = this.jdbc
			.sql("select id, number, status, title from cases where parent_case_id = ? order by id")
			.param(file.id)
			.query((rs, n) -> new CaseView.CaseLink(rs.getLong("id"), rs.getString("number"),
					CaseStatus.valueOf(rs.getString("status")), rs.getString("title")))
			.list();
		List<CaseView.VisitView> visits = this.jdbc
			.sql("""
					select v.at, v.resolved, v.satisfaction, v.note, u.code from case_visits v left join units u on u.id = v.unit_id
					where v.case_id = ? order by v.id""")
			.param(file.id)
			.query((rs, n) -> new CaseView.VisitView(Resolution.valueOf(rs.getString("resolved")),
					Satisfaction.valueOf(rs.getString("satisfaction")), rs.getString("note"),
					rs.getObject("at", OffsetDateTime.class), rs.getString("code")))
			.list();
		Map<String, Object> details = this.tracks.of(file.kind).details(file, actor);
		return this.jdbc
			.sql("""
					select c.*, cat.code as category_code, cat.name as category_name, p.number as parent_number
					from cases c left join categories cat on cat.id = c.category_id left join cases p on p.id = c.parent_case_id
					where c.id = ?""")
			.param(file.id)
			.query((rs, n) -> {
				boolean confidential = rs.getBoolean("confidential");
				CaseView.ComplainantView complainant = Confidentiality.mayKnowComplainant(actor, file.kind,
						confidential, (file.accused != null) ? file.accused.path() : null)
								? new CaseView.ComplainantView(rs.getString("complainant_name"),
										rs.getString("complainant_phone"), rs.getString("complainant_id_number"),
										confidential, false)
								: null;
				if (complainant != null && actor != null && !revealed && Confidentiality.masked(file.kind)) {
					complainant = Confidentiality.mask(complainant);
				}
				CaseView.VisitView visit = visits.isEmpty() ? null : visits.get(visits.size() - 1);
				CaseView.ReplyView reply = (file.replyText != null)
						? new CaseView.ReplyView(file.replyResult, file.replyText, file.replyApproved, file.repliedAt)
						: null;
				CaseView.ExtensionView extension = (file.pendingExtension != null)
						? new CaseView.ExtensionView(file.pendingExtension.amount(),
								file.pendingExtension.unit().name(), file.extensionReason)
						: null;
				OffsetDateTime due = this.tracks.runningDue(file);
				return new CaseView(file.id, file.number, null, file.kind, file.type, rs.getString("petition_class"),
						Channel.valueOf(rs.getString("channel")), file.status, file.version, rs.getString("title"),
						rs.getString("content"), rs.getString("category_code"), rs.getString("category_name"),
						file.area.code(), file.area.name(), rs.getString("address"), rs.getObject("lat", Double.class),
						rs.getObject("lng", Double.class), file.receivedAt,
						rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), complainant,
						(file.accused != null) ? file.accused.code() : null,
						(file.assigned != null) ? file.assigned.code() : null,
						(file.assigned != null) ? file.assigned.name() : null,
						file.status.isOpen() ? this.warnings.levelOf(due, now) : null, due, file.deadlineViews(),
						file.unitViews(), file.returnCount, file.reopenCount, reply, visit, visits, extension,
						file.parentCaseId, rs.getString("parent_number"), merged, timeline, actions, details);
			})
			.single();
	}

	/**
	 * Earlier cases of the same kind from the same person (by ID number, else phone),
	 * newest first: what a track needs to link repeats.
	 */
	@Transactional(readOnly = true)
	public List<CaseBrief> sameComplainant(CaseKind kind, String idNumber, String phone, long excludingId) {
		boolean byId = idNumber != null && !idNumber.isBlank();
		if (!byId && (phone == null || phone.isBlank())) {
			return List.of();
		}
		return this.jdbc
			.sql("select c.id, c.number, c.status, c.category_id, c.title, c.content, c.received_at"
					+ " from cases c where c.kind = ? and c.id <> ? and "
					+ (byId ? "upper(c.complainant_id_number) = ?" : "c.complainant_phone = ?")
					+ " order by c.received_at desc, c.id desc limit 50")
			.params(kind.name(), excludingId, byId ? idNumber.strip().toUpperCase(Locale.ROOT) : phone.strip())
			.query((rs, n) -> new CaseBrief(rs.getLong("id"), rs.getString("number"),
					CaseStatus.valueOf(rs.getString("status")), rs.getObject("category_id", Long.class),
					rs.getString("title"), rs.getString("content"), rs.getObject("received_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * A case as a track sees another one when it looks for repeats.
	 */
	public record CaseBrief(long id, String number, CaseStatus status, Long categoryId, String title, String content,
			OffsetDateTime receivedAt) {
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
		return search(query, actor, paging, null);
	}

	/**
	 * The petition backlog (积案) in the actor's scope: open petitions past their clock,
	 * and the cases the petition track names (petitioned three times or more, final with
	 * follow-up owed), most overdue first.
	 */
	@Transactional(readOnly = true)
	public PageResult<CaseSummary> backlog(List<Long> namedCaseIds, Actor actor, Paging paging) {
		return search(new CaseQuery(null, null, CaseKind.PETITION, null, null, null, null, null), actor, paging,
				namedCaseIds.toArray(Long[]::new));
	}

	private PageResult<CaseSummary> search(CaseQuery query, Actor actor, Paging paging, Long[] backlog) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Long[] units = this.units.idsWithin(actor.scope());
		StringBuilder where = new StringBuilder();
		List<Object> params = new ArrayList<>();
		String order = " order by c.received_at desc, c.id desc";
		if (query.inbox() != null) {
			switch (query.inbox()) {
				case TO_SIGN, HANDLING, TO_ACCEPT -> {
					where.append(" where c.status = ? and c.assigned_unit_id = any(?)");
					params.add(switch (query.inbox()) {
						case TO_SIGN -> "DISPATCHED";
						case HANDLING -> "HANDLING";
						default -> "TRANSFERRED";
					});
					params.add(units);
					order = " order by c.current_due_at nulls last, c.id";
				}
				case PETITION_HANDLING -> {
					where.append(
							" where c.status in ('ACCEPTED', 'REVIEWING', 'RECHECKING') and c.assigned_unit_id = any(?)");
					params.add(units);
					order = " order by c.current_due_at nulls last, c.id";
				}
				case OBJECTED, WINDOW -> {
					where.append((query.inbox() == CaseQuery.Inbox.OBJECTED) ? " where c.status = 'OBJECTED'"
							: " where c.status in ('DECIDED', 'REVIEWED')");
					where.append(" and c.area_unit_id = any(?)");
					params.add(units);
					order = " order by c.received_at, c.id";
				}
				case TO_DISPATCH, RETURNED, TO_REVIEW, TO_VISIT -> {
					where.append(" where c.status = ? and c.area_unit_id = any(?)");
					if (query.inbox() == CaseQuery.Inbox.TO_DISPATCH) {
						where.append(petitionOffice(actor) ? " and c.kind = 'PETITION'" : " and c.kind = 'DEMAND'");
					}
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
		where.append(" and ").append(Confidentiality.SQL);
		params.add(Confidentiality.ancestry(actor));
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
		if (backlog != null) {
			where.append(" and (c.id = any(?) or (c.current_due_at < ? and c.status not in ('CLOSED', 'MERGED',"
					+ " 'ARCHIVED', 'FINAL', 'NOT_ACCEPTED')))");
			params.add(backlog);
			params.add(now);
			order = " order by c.current_due_at nulls last, c.id";
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
	private boolean petitionOffice(Actor actor) {
		return this.units.findByCode(actor.unitCode())
			.map((u) -> u.kind() == org.yixian.organisation.UnitKind.PETITION_OFFICE)
			.orElse(false);
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
		boolean byPhone = current.complainant() != null && !current.complainant().masked()
				&& (actor.has(Role.OPERATOR) || actor.has(Role.DISPATCHER));
		return this.jdbc.sql("""
				select o.id, o.number, o.status, o.title from cases c join cases o on o.id <> c.id and o.kind = c.kind
				join units a on a.id = o.area_unit_id
				where c.id = ? and o.status not in ('CLOSED', 'MERGED', 'ARCHIVED', 'FINAL', 'NOT_ACCEPTED')
				  and o.parent_case_id is null
				  and o.received_at > c.received_at - interval '30 days'
				  and ((? and c.complainant_phone is not null and o.complainant_phone = c.complainant_phone)
				       or (c.address is not null and o.address = c.address))
				  and a.path like ? and (o.accused_unit_id is null or o.accused_unit_id <> all(?))
				order by o.received_at desc limit 10""")
			.params(current.id(), byPhone, actor.scope().likePattern(), Confidentiality.ancestry(actor))
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
