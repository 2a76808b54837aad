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
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Reading one case: its view with its history (the complainant as the confidentiality
 * policy allows, or revealed with a logged reason), possible repeats, earlier cases of
 * the same person for a track, and the citizen's progress page. Lists are
 * {@link CaseLists}.
 */
@Service
public class CaseQueries {

	private final JdbcClient jdbc;

	private final CaseFiles files;

	private final WarningPolicy warnings;

	private final Clock clock;

	private final CaseTracks tracks;

	private final AuditLog audit;

	private final Timeline timeline;

	CaseQueries(JdbcClient jdbc, CaseFiles files, WarningPolicy warnings, CaseTracks tracks, Clock clock,
			AuditLog audit, Timeline timeline) {
		this.timeline = timeline;
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
	 * Whether the actor may open the case: the same check as {@link #view}, for modules
	 * that offer cases as hits (similar cases, problem classes).
	 */
	@Transactional(readOnly = true)
	public boolean canSee(long id, Actor actor) {
		return this.files.load(id).filter((f) -> CasePermissions.canSee(actor, f)).isPresent();
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
		List<TimelineEntry> timeline = this.timeline.entries(file.id);
		List<CaseView.CaseLink> merged = this.jdbc
			.sql("select id, number, status, title from cases where parent_case_id = ? order by id")
			.param(file.id)
			.query((rs, n) -> new CaseView.CaseLink(rs.getLong("id"), rs.getString("number"),
					CaseStatus.valueOf(rs.getString("status")), rs.getString("title")))
			.list();
		List<CaseView.VisitView> visits = this.jdbc
			.sql("""
					select v.at, v.resolved, v.satisfaction, v.note, u.code, v.actor from case_visits v left join units u on u.id = v.unit_id
					where v.case_id = ? order by v.id""")
			.param(file.id)
			.query((rs, n) -> new CaseView.VisitView(Resolution.valueOf(rs.getString("resolved")),
					Satisfaction.valueOf(rs.getString("satisfaction")), rs.getString("note"),
					rs.getObject("at", OffsetDateTime.class), rs.getString("code"),
					org.yixian.organisation.Actor.CITIZEN.equals(rs.getString("actor")) ? "ONLINE" : null))
			.list();
		Map<String, Object> details = this.tracks.details(file, actor);
		return this.jdbc
			.sql("""
					select c.*, cat.code as category_code, cat.name as category_name, p.number as parent_number
					from cases c left join categories cat on cat.id = c.category_id left join cases p on p.id = c.parent_case_id
					where c.id = ?""")
			.param(file.id)
			.query((rs, n) -> {
				boolean confidential = rs.getBoolean("confidential");
				CaseView.ComplainantView complainant = Confidentiality.mayKnowComplainant(actor, confidential,
						(file.accused != null) ? file.accused.path() : null)
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
				if (file.accused != null) {
					details.put("accusedUnitName", file.accused.name());
				}
				String originKind = rs.getString("origin_kind");
				if (originKind != null) {
					details.put("origin", Map.of("kind", originKind, "id", rs.getLong("origin_id")));
				}
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
				       u.name as unit_name, d.due_at as reply_due, p.status as parent_status, c.kind, c.visited_at,
				       exists (select 1 from case_visits v where v.case_id = c.id and v.actor = ?) as rated
				from cases c left join units u on u.id = c.assigned_unit_id
				left join case_deadlines d on d.case_id = c.id and d.kind = 'REPLY'
				left join cases p on p.id = c.parent_case_id
				where c.number = ?""")
			.params(org.yixian.organisation.Actor.CITIZEN, number.strip().toUpperCase(Locale.ROOT))
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
					rs.getString("status"), rs.getObject("received_at", OffsetDateTime.class),
					rs.getString("query_code_hash"), rs.getObject("parent_case_id", Long.class),
					rs.getString("unit_name"), rs.getObject("reply_due", OffsetDateTime.class),
					rs.getString("parent_status"), rs.getString("kind"),
					rs.getObject("visited_at", OffsetDateTime.class) != null, rs.getBoolean("rated")))
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
				select at, action, comment from case_events where case_id in (?, ?) and public
				  and action in ('register', 'dispatch', 'review-reply', 'reopen', 'close', 'merge', 'return-visit')
				order by at, id""").params(found.id(), source).query((rs, n) -> {
			String action = rs.getString("action");
			String comment = rs.getString("comment");
			String unit = "dispatch".equals(action) ? comment : null;
			String text = switch (action) {
				case "review-reply", "close", "merge" -> comment;
				default -> null;
			};
			return new PublicProgress.PublicEvent(rs.getObject("at", OffsetDateTime.class), action, unit, text);
		}).list();
		boolean mayRate = !found.rated() && found.parentId() == null && CaseKind.DEMAND.name().equals(found.kind())
				&& CaseStatus.VISITING.name().equals(found.status()) && !found.visited();
		return new PublicProgress(found.number(), found.title(), CaseStatus.valueOf(found.status()),
				found.parentStatus(), found.unitName(), found.receivedAt(), found.replyDue(), reply, events, mayRate,
				found.rated());
	}

	/**
	 * The id of the case with this number and query code, or not found alike for a wrong
	 * number and a wrong code (so that a guess learns nothing).
	 */
	@Transactional(readOnly = true)
	public long ownCase(String number, String queryCode) {
		if (number == null || queryCode == null || number.isBlank()) {
			throw new NotFoundException("case");
		}
		Optional<Object[]> row = this.jdbc.sql("select id, query_code_hash from cases where number = ?")
			.param(number.strip().toUpperCase(Locale.ROOT))
			.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getString("query_code_hash") })
			.optional();
		String hash = Hashes.sha256Hex(queryCode.strip().toUpperCase(Locale.ROOT));
		if (row.isEmpty() || row.get()[1] == null || !MessageDigest
			.isEqual(((String) row.get()[1]).getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))) {
			throw new NotFoundException("case");
		}
		return (Long) row.get()[0];
	}

	private record Row(long id, String number, String title, String status, OffsetDateTime receivedAt,
			String queryCodeHash, Long parentId, String unitName, OffsetDateTime replyDue, String parentStatus,
			String kind, boolean visited, boolean rated) {
	}

}
