package org.yixian.casework;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;

/**
 * {@code link {number, note}}: 关联 — two cases about the same matter stay apart (each with
 * its own unit, deadline and answer) but know each other: the link is on both timelines
 * and both case pages. The other case must be one the person may open; a case links
 * another once. Hotline and petition-office staff and supervisors link.
 */
@Component
class LinkCaseAction implements SharedCaseAction {

	private static final Set<CaseStatus> CLOSED_FOR_LINKS = EnumSet.of(CaseStatus.MERGED, CaseStatus.ARCHIVED);

	private final JdbcClient jdbc;

	LinkCaseAction(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String wireName() {
		return "link";
	}

	@Override
	public Class<? extends Record> command() {
		return Link.class;
	}

	@Override
	public Set<CaseKind> kinds() {
		return EnumSet.allOf(CaseKind.class);
	}

	@Override
	public Outcome admit(CaseFile file, Actor actor) {
		if (!(actor.has(Role.OPERATOR) || actor.has(Role.DISPATCHER) || actor.has(Role.SUPERVISOR))) {
			return Outcome.forbidden("case.forbidden");
		}
		return CLOSED_FOR_LINKS.contains(file.status()) ? Outcome.illegal("case.link.closed") : Outcome.DONE;
	}

	@Override
	public Outcome perform(Object command, ActionContext context) {
		Link link = (Link) command;
		if (link.number() == null || link.number().isBlank()) {
			return Outcome.invalid("number", "NotBlank");
		}
		CaseFile file = context.file();
		Optional<Long> otherId = this.jdbc.sql("select id from cases where number = ?")
			.param(link.number().strip().toUpperCase(java.util.Locale.ROOT))
			.query(Long.class)
			.optional();
		Optional<CaseFile> other = otherId.flatMap(context::other);
		if (other.isEmpty()) {
			return Outcome.invalid("number", "case.link.unknown");
		}
		CaseFile that = other.get();
		if (that.id() == file.id()) {
			return Outcome.invalid("number", "case.link.self");
		}
		if (CLOSED_FOR_LINKS.contains(that.status())) {
			return Outcome.illegal("case.link.closed");
		}
		if (file.accused() != null || that.accused() != null) {
			// a case against a unit is never tied to another: the tie alone would tell
			// that unit
			return Outcome.invalid("number", "case.link.confidential");
		}
		int added = this.jdbc.sql("""
				insert into case_links (case_id, linked_case_id, created_by, created_at)
				values (?, ?, ?, ?), (?, ?, ?, ?) on conflict do nothing""")
			.params(file.id(), that.id(), context.actor().getUsername(), context.at(), that.id(), file.id(),
					context.actor().getUsername(), context.at())
			.update();
		if (added == 0) {
			return Outcome.illegal("case.link.already");
		}
		String note = (link.note() == null || link.note().isBlank()) ? null : link.note().strip();
		file.record(context.actor(), context.at(), wireName(), file.status(), note, false, payload(that, note));
		that.record(context.actor(), context.at(), wireName(), that.status(), note, false, payload(file, note));
		return Outcome.DONE;
	}

	private static Map<String, Object> payload(CaseFile with, String note) {
		return (note == null) ? Map.of("caseId", with.id(), "number", with.number())
				: Map.of("caseId", with.id(), "number", with.number(), "note", note);
	}

	/**
	 * The cases linked to this one that the person may open.
	 */
	@Transactional(readOnly = true)
	List<CaseView.CaseLink> linksOf(long caseId, Actor actor, CaseQueries queries) {
		return this.jdbc.sql("""
				select c.id, c.number, c.status, c.title from case_links l join cases c on c.id = l.linked_case_id
				where l.case_id = ? order by l.created_at, c.id""")
			.param(caseId)
			.query((rs, n) -> new CaseView.CaseLink(rs.getLong("id"), rs.getString("number"),
					CaseStatus.valueOf(rs.getString("status")), rs.getString("title")))
			.list()
			.stream()
			.filter((l) -> queries.canSee(l.id(), actor))
			.toList();
	}

	/**
	 * The other case, by its number, and a note.
	 */
	record Link(@Size(max = 20) String number, @Size(max = 500) String note) {
	}

}
