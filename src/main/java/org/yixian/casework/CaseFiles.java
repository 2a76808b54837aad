package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yixian.calendar.PeriodUnit;
import org.yixian.calendar.TimeLimit;
import org.yixian.shared.ConflictException;

/**
 * Loads and saves {@link CaseFile}s. A save is one version-checked update of the case row
 * plus the rows its change produced and the domain events it publishes; a stale version
 * saves nothing.
 */
@Component
class CaseFiles {

	private final JdbcClient jdbc;

	private final Timeline timeline;

	private final Outbox outbox;

	private final CaseTracks tracks;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	private final Batches batches;

	CaseFiles(JdbcClient jdbc, Timeline timeline, Outbox outbox, CaseTracks tracks, ApplicationEventPublisher events,
			java.time.Clock clock, Batches batches) {
		this.batches = batches;
		this.clock = clock;
		this.jdbc = jdbc;
		this.timeline = timeline;
		this.outbox = outbox;
		this.tracks = tracks;
		this.events = events;
	}

	Optional<CaseFile> load(long id) {
		Optional<CaseFile> found = this.jdbc
			.sql("""
					select c.*, a.code as area_code, a.name as area_name, a.path as area_path, a.depth as area_depth,
					       u.code as assigned_code, u.name as assigned_name, u.path as assigned_path, u.depth as assigned_depth,
					       x.code as accused_code, x.name as accused_name, x.path as accused_path, x.depth as accused_depth,
					       cat.path as category_path,
					       (select max(e.at) from case_events e where e.case_id = c.id) as last_event_at,
					       exists (select 1 from case_links l where l.case_id = c.id) as linked
					from cases c join units a on a.id = c.area_unit_id left join units u on u.id = c.assigned_unit_id
					left join units x on x.id = c.accused_unit_id left join categories cat on cat.id = c.category_id
					where c.id = ?""")
			.param(id)
			.query((rs, n) -> {
				CaseFile file = new CaseFile(rs.getLong("id"), rs.getString("number"),
						CaseKind.valueOf(rs.getString("kind")), rs.getString("type"),
						new UnitRef(rs.getLong("area_unit_id"), rs.getString("area_code"), rs.getString("area_name"),
								rs.getString("area_path"), rs.getInt("area_depth")),
						rs.getString("complainant_phone"), rs.getInt("version"),
						CaseStatus.valueOf(rs.getString("status")));
				file.categoryPath = rs.getString("category_path");
				file.complainantName = rs.getString("complainant_name");
				file.complainantIdNumber = rs.getString("complainant_id_number");
				file.confidential = rs.getBoolean("confidential");
				file.linked = rs.getBoolean("linked");
				file.categoryId = rs.getObject("category_id", Long.class);
				long assigned = rs.getLong("assigned_unit_id");
				if (!rs.wasNull()) {
					file.assigned = new UnitRef(assigned, rs.getString("assigned_code"), rs.getString("assigned_name"),
							rs.getString("assigned_path"), rs.getInt("assigned_depth"));
				}
				long accused = rs.getLong("accused_unit_id");
				if (!rs.wasNull()) {
					file.accused = new UnitRef(accused, rs.getString("accused_code"), rs.getString("accused_name"),
							rs.getString("accused_path"), rs.getInt("accused_depth"));
				}
				file.dispatchedByUnitId = rs.getObject("dispatched_by_unit_id", Long.class);
				file.receivedAt = rs.getObject("received_at", OffsetDateTime.class);
				file.registeredUnitId = rs.getObject("registered_unit_id", Long.class);
				file.dispatchedAt = rs.getObject("dispatched_at", OffsetDateTime.class);
				file.signedAt = rs.getObject("signed_at", OffsetDateTime.class);
				file.contactedAt = rs.getObject("contacted_at", OffsetDateTime.class);
				file.repliedAt = rs.getObject("replied_at", OffsetDateTime.class);
				file.closedAt = rs.getObject("closed_at", OffsetDateTime.class);
				file.visitedAt = rs.getObject("visited_at", OffsetDateTime.class);
				file.lastEventAt = rs.getObject("last_event_at", OffsetDateTime.class);
				file.returnCount = rs.getInt("return_count");
				file.reopenCount = rs.getInt("reopen_count");
				file.replyResult = rs.getString("reply_result");
				file.replyText = rs.getString("reply_text");
				file.replyApproved = rs.getBoolean("reply_approved");
				file.visitResolved = rs.getString("visit_resolved");
				file.visitSatisfaction = rs.getString("visit_satisfaction");
				file.visitNote = rs.getString("visit_note");
				Integer amount = rs.getObject("extension_amount", Integer.class);
				file.pendingExtension = (amount != null)
						? new TimeLimit(amount, PeriodUnit.valueOf(rs.getString("extension_unit"))) : null;
				file.extensionReason = rs.getString("extension_reason");
				file.parentCaseId = rs.getObject("parent_case_id", Long.class);
				String originKind = rs.getString("origin_kind");
				file.origin = (originKind != null) ? new NewCase.Origin(NewCase.OriginKind.valueOf(originKind),
						rs.getObject("origin_id", Long.class)) : null;
				return file;
			})
			.optional();
		found.ifPresent(this::loadParts);
		return found;
	}

	private void loadParts(CaseFile file) {
		this.jdbc.sql("select kind, due_at, met_at from case_deadlines where case_id = ?")
			.param(file.id)
			.query((rs) -> {
				file.deadlines.put(DeadlineKind.valueOf(rs.getString("kind")),
						new CaseFile.Deadline(rs.getObject("due_at", OffsetDateTime.class),
								rs.getObject("met_at", OffsetDateTime.class), false));
			});
		this.jdbc.sql("""
				select t.*, u.code, u.name, u.path from case_units t join units u on u.id = t.unit_id
				where t.case_id = ? order by t.assigned_at""").param(file.id).query((rs) -> {
			file.units.add(new UnitTask(rs.getLong("unit_id"), rs.getString("code"), rs.getString("name"),
					rs.getString("path"), UnitRole.valueOf(rs.getString("role")), rs.getString("state"),
					rs.getBoolean("may_return"), rs.getInt("returns"),
					rs.getObject("assigned_at", OffsetDateTime.class), rs.getObject("done_at", OffsetDateTime.class),
					rs.getString("note")));
		});
	}

	/**
	 * Writes the case back if nobody changed it since it was loaded.
	 * @throws ConflictException {@code STALE_VERSION} otherwise
	 */
	void save(CaseFile file) {
		int updated = this.jdbc
			.sql("""
					update cases set status = ?, assigned_unit_id = ?, dispatched_by_unit_id = ?, dispatched_at = ?, signed_at = ?,
					  contacted_at = ?, replied_at = ?, closed_at = ?, visited_at = ?, current_due_at = ?, return_count = ?,
					  reopen_count = ?, reply_result = ?, reply_text = ?, reply_approved = ?, visit_resolved = ?,
					  visit_satisfaction = ?, visit_note = ?, extension_amount = ?, extension_unit = ?, extension_reason = ?,
					  parent_case_id = ?, accused_unit_id = ?, version = version + 1
					where id = ? and version = ?""")
			.params(file.status.name(), (file.assigned != null) ? file.assigned.id() : null, file.dispatchedByUnitId,
					file.dispatchedAt, file.signedAt, file.contactedAt, file.repliedAt, file.closedAt, file.visitedAt,
					this.tracks.runningDue(file), file.returnCount, file.reopenCount, file.replyResult, file.replyText,
					file.replyApproved, file.visitResolved, file.visitSatisfaction, file.visitNote,
					(file.pendingExtension != null) ? file.pendingExtension.amount() : null,
					(file.pendingExtension != null) ? file.pendingExtension.unit().name() : null, file.extensionReason,
					file.parentCaseId, (file.accused != null) ? file.accused.id() : null, file.id, file.version)
			.update();
		if (updated == 0) {
			throw new ConflictException("STALE_VERSION", "error.staleVersion");
		}
		writeParts(file, file.version + 1, false);
	}

	/**
	 * Writes what a newly inserted case's first transitions produced (its row is already
	 * current).
	 */
	void saveNew(CaseFile file) {
		this.jdbc
			.sql("""
					update cases set status = ?, assigned_unit_id = ?, dispatched_by_unit_id = ?, dispatched_at = ?,
					  current_due_at = ?, closed_at = ?, replied_at = ?, reply_text = ?, reply_result = ?, reply_approved = ?,
					  parent_case_id = ?, accused_unit_id = ?
					where id = ?""")
			.params(file.status.name(), (file.assigned != null) ? file.assigned.id() : null, file.dispatchedByUnitId,
					file.dispatchedAt, this.tracks.runningDue(file), file.closedAt, file.repliedAt, file.replyText,
					file.replyResult, file.replyApproved, file.parentCaseId,
					(file.accused != null) ? file.accused.id() : null, file.id)
			.update();
		writeParts(file, 0, true);
	}

	/**
	 * Deadlines, unit tasks, timeline entries and notifications are each written as one
	 * batch (one round trip however many rows).
	 * @param written the case's version after this write, which orders its events
	 */
	private void writeParts(CaseFile file, long written, boolean newCase) {
		java.util.List<Object[]> deadlines = new java.util.ArrayList<>();
		file.deadlines.forEach((kind, deadline) -> {
			if (deadline.dirty()) {
				deadlines.add(new Object[] { file.id, kind.name(), deadline.dueAt(), deadline.metAt() });
			}
		});
		this.batches.update("""
				insert into case_deadlines (case_id, kind, due_at, met_at) values (?, ?, ?, ?)
				on conflict (case_id, kind) do update set due_at = excluded.due_at, met_at = excluded.met_at""",
				deadlines);
		java.util.List<Object[]> tasks = new java.util.ArrayList<>();
		for (UnitTask task : file.units) {
			if (task.dirty) {
				tasks.add(new Object[] { file.id, task.unitId, task.role.name(), task.state, task.mayReturn,
						task.returns, task.assignedAt, task.doneAt, task.note });
			}
		}
		this.batches
			.update("""
					insert into case_units (case_id, unit_id, role, state, may_return, returns, assigned_at, done_at, note)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (case_id, unit_id, role) do update set state = excluded.state, may_return = excluded.may_return,
					  returns = excluded.returns, assigned_at = excluded.assigned_at, done_at = excluded.done_at, note = excluded.note""",
					tasks);
		for (CaseFile.NewVisit visit : file.newVisits) {
			this.jdbc.sql("""
					insert into case_visits (case_id, at, actor, unit_id, resolved, satisfaction, note)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(file.id, visit.at(), visit.actor(), visit.unitId(), visit.resolved(), visit.satisfaction(),
						visit.note())
				.update();
		}
		this.timeline.append(file.id, file.newEvents, newCase);
		OffsetDateTime now = file.newEvents.isEmpty() ? OffsetDateTime.now(this.clock) : file.newEvents.get(0).at();
		if (!newCase) {
			file.newEvents.stream()
				.map(CaseFile.NewEvent::actorUnit)
				.filter(Objects::nonNull)
				.distinct()
				.forEach((unit) -> {
					// the unit has acted on the case: what it was told about the case is
					// dealt with
					this.jdbc.sql("""
							update notifications set read_at = ? where case_id = ? and read_at is null
							  and unit_id = (select id from units where code = ?)""")
						.params(now, file.id, unit)
						.update();
				});
		}
		this.batches.update(
				"insert into notifications (unit_id, case_id, kind, text, created_at) values (?, ?, ?, ?, ?)",
				file.notices.stream()
					.map((notice) -> new Object[] { notice.unitId(), file.id, notice.kind(), notice.text(), now })
					.toList());
		for (String message : file.citizenMessages) {
			this.outbox.toCitizen(file.id, file.number, file.complainantPhone, message, now);
			this.jdbc.sql("select id, number, complainant_phone from cases where parent_case_id = ?")
				.param(file.id)
				.query((rs) -> {
					this.outbox.toCitizen(rs.getLong("id"), rs.getString("number"), rs.getString("complainant_phone"),
							message, now);
				});
		}
		publish(file, written);
	}

	private void publish(CaseFile file, long written) {
		String lead = file.lead().filter(UnitTask::isOpen).map((t) -> t.unitCode).orElse(null);
		int position = 0;
		for (CaseFile.NewEvent event : file.newEvents) {
			long sequence = written * CaseEvents.Transitioned.PER_WRITE + position++;
			if ("register".equals(event.action())) {
				continue;
			}
			this.events
				.publishEvent(new CaseEvents.Transitioned(file.id, file.number, file.kind, event.action(), event.from(),
						event.to(), event.at(), event.actor(), event.actorUnit(), lead, event.payload(), sequence));
			if (event.to() != null && !event.to().isOpen() && (event.from() == null || event.from().isOpen())) {
				this.events
					.publishEvent(new CaseEvents.Finished(file.id, file.number, file.kind, event.to(), event.at()));
			}
		}
		if (file.assignedChanged && file.assigned != null) {
			CaseFile.NewEvent last = file.newEvents.get(file.newEvents.size() - 1);
			this.events.publishEvent(new CaseEvents.Assigned(file.id, file.number, file.kind, file.assigned.code(),
					last.action(), last.at()));
		}
	}

}
