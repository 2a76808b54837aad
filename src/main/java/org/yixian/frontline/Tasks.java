package org.yixian.frontline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.casework.CaseQueries;
import org.yixian.casework.WarningPolicy;
import org.yixian.frontline.SessionCommands.Completion;
import org.yixian.frontline.SessionCommands.NewTask;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Tasks of sessions and research visits: each problem gets an owner unit and a due date
 * (问题清单 → 任务清单 → 责任清单), and is done with evidence by that unit (or by the people who run
 * the session). A task warns like a case against the end of its due date.
 */
@Service
class Tasks {

	static final String SELECT = """
			select t.*, n.code as owner_code, n.name as owner_name, n.path as owner_path,
			       coalesce(s.title, r.topic) as source, coalesce(s.leader_id, r.leader_id) as leader_id,
			       coalesce(su.path, ru.path) as parent_path, coalesce(s.status, 'OPEN') as parent_status
			from frontline_tasks t join units n on n.id = t.owner_unit_id
			left join site_sessions s on s.id = t.session_id left join units su on su.id = s.unit_id
			left join research_visits r on r.id = t.research_id left join units ru on ru.id = r.unit_id""";

	private final JdbcClient jdbc;

	private final Units units;

	private final CaseQueries cases;

	private final WarningPolicy warnings;

	private final Clock clock;

	Tasks(JdbcClient jdbc, Units units, CaseQueries cases, WarningPolicy warnings, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.cases = cases;
		this.warnings = warnings;
		this.clock = clock;
	}

	/**
	 * Adds a task to a session or a research visit; the caller has checked that it may.
	 */
	TaskView create(Long sessionId, Long researchId, NewTask command, Actor actor) {
		Unit owner = this.units.findByCode(command.ownerUnitCode().strip())
			.filter((u) -> u.isWithin(actor.scope()))
			.orElseThrow(() -> new InvalidInputException("ownerUnitCode", "unit.unknown", command.ownerUnitCode()));
		String caseNumber = null;
		if (command.caseId() != null) {
			try {
				caseNumber = this.cases.view(command.caseId(), actor).number();
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException("caseId", "frontline.unknownCase", command.caseId());
			}
		}
		long id = this.jdbc
			.sql("""
					insert into frontline_tasks (session_id, research_id, problem, owner_unit_id, due_date, case_id, case_number,
					  status, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) returning id""")
			.params(sessionId, researchId, command.problem().strip(), owner.id(), command.dueDate(), command.caseId(),
					caseNumber, actor.getUsername(), OffsetDateTime.now(this.clock))
			.query(Long.class)
			.single();
		return one(id).orElseThrow();
	}

	List<TaskView> ofSession(long sessionId) {
		return list(" where t.session_id = ? order by t.id", sessionId);
	}

	List<TaskView> ofResearch(long researchId) {
		return list(" where t.research_id = ? order by t.id", researchId);
	}

	/**
	 * Open tasks owned by units in the actor's scope, soonest due first.
	 */
	@Transactional(readOnly = true)
	List<TaskView> openFor(Actor actor) {
		return list(" where t.status = 'OPEN' and n.path like ? order by t.due_date, t.id limit 200",
				actor.scope().likePattern());
	}

	/**
	 * Open tasks of sessions and research visits led by this leader or, with subtree, by
	 * leaders below.
	 */
	List<TaskView> openLedBy(Leader leader) {
		return list(
				"""
						where t.status = 'OPEN' and (coalesce(s.leader_id, r.leader_id) = ? or coalesce(su.path, ru.path) like ?)
						order by t.due_date, t.id limit 100""",
				leader.id(), leader.scope().likePattern());
	}

	@Transactional
	TaskView complete(long taskId, Completion command, Actor actor) {
		Row row = mayChange(taskId, actor);
		if (!"OPEN".equals(row.status())) {
			throw new ConflictException("ILLEGAL_TRANSITION", "task.alreadyDone");
		}
		if (command.version() != row.version()) {
			throw new ConflictException("STALE_VERSION", "error.staleVersion");
		}
		if (Text.isBlank(command.evidence())) {
			throw new InvalidInputException("evidence", "NotBlank");
		}
		int updated = this.jdbc.sql("""
				update frontline_tasks set status = 'DONE', evidence = ?, completed_by = ?, completed_at = ?,
				  version = version + 1 where id = ? and version = ? and status = 'OPEN'""")
			.params(command.evidence().strip(), actor.getUsername(), OffsetDateTime.now(this.clock), taskId,
					command.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("STALE_VERSION", "error.staleVersion");
		}
		return one(taskId).orElseThrow();
	}

	@Transactional(readOnly = true)
	TaskView view(long taskId, Actor actor) {
		Row row = visible(taskId, actor);
		return one(row.id()).orElseThrow();
	}

	/**
	 * The task if the actor may change it (its owner unit, or whoever runs its session):
	 * not found if they may not see it, refused if they may only see it, refused once its
	 * session is closed.
	 */
	Row mayChange(long taskId, Actor actor) {
		Row row = visible(taskId, actor);
		boolean owner = actor.scope().covers(row.ownerPath());
		if (!owner && !FrontlinePermissions.mayRecord(actor, row.leaderId(), row.parentPath())) {
			throw new ForbiddenException("task.mayNotChange");
		}
		if (!"OPEN".equals(row.parentStatus())) {
			throw new ConflictException("ILLEGAL_TRANSITION", "session.closed");
		}
		return row;
	}

	Row visible(long taskId, Actor actor) {
		return this.jdbc.sql(SELECT + " where t.id = ?")
			.param(taskId)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("status"), rs.getInt("version"),
					rs.getString("owner_path"), rs.getLong("leader_id"), rs.getString("parent_path"),
					rs.getString("parent_status")))
			.optional()
			.filter((r) -> actor.scope().covers(r.ownerPath())
					|| FrontlinePermissions.maySee(actor, r.leaderId(), r.parentPath()))
			.orElseThrow(() -> new NotFoundException("task " + taskId));
	}

	private Optional<TaskView> one(long id) {
		return list(" where t.id = ?", id).stream().findFirst();
	}

	private List<TaskView> list(String where, Object... params) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		List<TaskView> tasks = this.jdbc.sql(SELECT + " " + where).params(params).query((rs, n) -> map(rs, now)).list();
		if (tasks.isEmpty()) {
			return tasks;
		}
		Map<Long, List<TaskView.Photo>> photos = new HashMap<>();
		this.jdbc.sql("""
				select id, task_id, file_name, size_bytes, uploaded_by, uploaded_at from frontline_task_photos
				where task_id = any(?) order by id""")
			.param(tasks.stream().map(TaskView::id).toArray(Long[]::new))
			.query((rs) -> {
				photos.computeIfAbsent(rs.getLong("task_id"), (k) -> new ArrayList<>())
					.add(new TaskView.Photo(rs.getLong("id"), rs.getString("file_name"), rs.getInt("size_bytes"),
							rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class)));
			});
		return tasks.stream()
			.map((t) -> new TaskView(t.id(), t.sessionId(), t.researchId(), t.source(), t.problem(), t.ownerUnitCode(),
					t.ownerUnitName(), t.dueDate(), t.dueAt(), t.warningLevel(), t.status(), t.version(), t.evidence(),
					t.completedBy(), t.completedAt(), t.caseId(), t.caseNumber(),
					photos.getOrDefault(t.id(), List.of())))
			.toList();
	}

	private TaskView map(ResultSet rs, OffsetDateTime now) throws SQLException {
		LocalDate due = rs.getObject("due_date", LocalDate.class);
		OffsetDateTime dueAt = due.atTime(LocalTime.of(23, 59, 59)).atZone(this.clock.getZone()).toOffsetDateTime();
		String status = rs.getString("status");
		return new TaskView(rs.getLong("id"), rs.getObject("session_id", Long.class),
				rs.getObject("research_id", Long.class), rs.getString("source"), rs.getString("problem"),
				rs.getString("owner_code"), rs.getString("owner_name"), due, dueAt,
				"OPEN".equals(status) ? this.warnings.levelOf(dueAt, now) : null, status, rs.getInt("version"),
				rs.getString("evidence"), rs.getString("completed_by"),
				rs.getObject("completed_at", OffsetDateTime.class), rs.getObject("case_id", Long.class),
				rs.getString("case_number"), List.of());
	}

	/**
	 * What permission checks need of a task.
	 */
	record Row(long id, String status, int version, String ownerPath, long leaderId, String parentPath,
			String parentStatus) {
	}

}
