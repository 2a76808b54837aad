package org.yixian.frontline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.frontline.SessionCommands.NewSession;
import org.yixian.frontline.SessionCommands.NewTask;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * On-site office sessions (现场办公会): a leader holds office where the problem is, with the
 * units that must act; each problem raised becomes a task; the session closes only when
 * every task is done ({@code OPEN} → {@code CLOSED}, 409 before).
 */
@Service
class SiteSessions {

	private static final String SELECT = """
			select s.*, u.username, u.display_name, n.code as unit_code, n.name as unit_name, n.path as unit_path,
			       (select count(*) from frontline_tasks t where t.session_id = s.id and t.status = 'OPEN') as open_tasks,
			       (select count(*) from frontline_tasks t where t.session_id = s.id) as all_tasks
			from site_sessions s join users u on u.id = s.leader_id join units n on n.id = s.unit_id""";

	private final JdbcClient jdbc;

	private final Leaders leaders;

	private final Units units;

	private final Tasks tasks;

	private final Clock clock;

	SiteSessions(JdbcClient jdbc, Leaders leaders, Units units, Tasks tasks, Clock clock) {
		this.jdbc = jdbc;
		this.leaders = leaders;
		this.units = units;
		this.tasks = tasks;
		this.clock = clock;
	}

	@Transactional
	SessionView create(NewSession command, Actor actor) {
		if (!FrontlinePermissions.arranges(actor)) {
			throw new ForbiddenException("frontline.mayNotArrange");
		}
		Leader leader = this.leaders.arrangeable(command.leaderUsername(), actor, "leaderUsername");
		List<Unit> attendees = new ArrayList<>();
		List<FieldMessage> problems = new ArrayList<>();
		List<String> codes = (command.attendeeUnitCodes() != null) ? command.attendeeUnitCodes() : List.of();
		for (int i = 0; i < codes.size(); i++) {
			String code = codes.get(i);
			int index = i;
			if (Text.isBlank(code)) {
				continue;
			}
			this.units.findByCode(code.strip())
				.filter((u) -> u.isWithin(actor.scope()))
				.ifPresentOrElse(attendees::add,
						() -> problems.add(new FieldMessage("attendeeUnitCodes[" + index + "]", "unit.unknown", code)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = this.jdbc
			.sql("""
					insert into site_sessions (title, place, session_date, leader_id, unit_id, status, created_by, created_at)
					values (?, ?, ?, ?, ?, 'OPEN', ?, ?) returning id""")
			.params(command.title().strip(), command.place().strip(), command.date(), leader.id(), leader.unitId(),
					actor.getUsername(), OffsetDateTime.now(this.clock))
			.query(Long.class)
			.single();
		attendees.stream()
			.map(Unit::id)
			.distinct()
			.forEach((unit) -> this.jdbc.sql("insert into site_session_units (session_id, unit_id) values (?, ?)")
				.params(id, unit)
				.update());
		return view(id, actor);
	}

	@Transactional
	TaskView addTask(long sessionId, NewTask command, Actor actor) {
		SessionView session = view(sessionId, actor);
		if (!FrontlinePermissions.mayRecord(actor, session.leaderId(), session.unitPath())) {
			throw new ForbiddenException("frontline.mayNotRecord");
		}
		if (!"OPEN".equals(session.status())) {
			throw new ConflictException("ILLEGAL_TRANSITION", "session.closed");
		}
		return this.tasks.create(sessionId, null, command, actor);
	}

	/**
	 * Closes the session once every task is done.
	 */
	@Transactional
	SessionView close(long sessionId, Actor actor) {
		SessionView session = view(sessionId, actor);
		if (!FrontlinePermissions.mayRecord(actor, session.leaderId(), session.unitPath())) {
			throw new ForbiddenException("frontline.mayNotRecord");
		}
		this.jdbc.sql("select id from site_sessions where id = ? for update")
			.param(sessionId)
			.query(Long.class)
			.single();
		if (!"OPEN".equals(session.status())) {
			throw new ConflictException("ILLEGAL_TRANSITION", "session.closed");
		}
		long open = this.jdbc.sql("select count(*) from frontline_tasks where session_id = ? and status = 'OPEN'")
			.param(sessionId)
			.query(Long.class)
			.single();
		if (open > 0) {
			throw new ConflictException("ILLEGAL_TRANSITION", "session.tasksOpen");
		}
		this.jdbc.sql("""
				update site_sessions set status = 'CLOSED', closed_at = ?, version = version + 1
				where id = ? and status = 'OPEN'""").params(OffsetDateTime.now(this.clock), sessionId).update();
		return view(sessionId, actor);
	}

	@Transactional(readOnly = true)
	SessionView view(long id, Actor actor) {
		SessionView session = this.jdbc.sql(SELECT + " where s.id = ?")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("session " + id));
		List<TaskView> tasks = this.tasks.ofSession(id);
		boolean owner = tasks.stream()
			.anyMatch((
					t) -> this.units.findByCode(t.ownerUnitCode()).map((u) -> u.isWithin(actor.scope())).orElse(false));
		if (!owner && !FrontlinePermissions.maySee(actor, session.leaderId(), session.unitPath())) {
			throw new NotFoundException("session " + id);
		}
		List<SessionView.UnitName> attendees = this.jdbc.sql("""
				select n.code, n.name from site_session_units a join units n on n.id = a.unit_id
				where a.session_id = ? order by n.path""")
			.param(id)
			.query((rs, n) -> new SessionView.UnitName(rs.getString("code"), rs.getString("name")))
			.list();
		return session.with(attendees, tasks);
	}

	/**
	 * The sessions the actor may see, latest first.
	 */
	@Transactional(readOnly = true)
	List<SessionView> list(Actor actor) {
		return this.jdbc.sql(SELECT + " where s.leader_id = ? or n.path like ? order by s.session_date desc limit 200")
			.params(actor.id(), actor.scope().likePattern())
			.query((rs, n) -> map(rs))
			.list();
	}

	private static SessionView map(ResultSet rs) throws SQLException {
		return new SessionView(rs.getLong("id"), rs.getString("title"), rs.getString("place"),
				rs.getObject("session_date", LocalDate.class), rs.getLong("leader_id"), rs.getString("username"),
				rs.getString("display_name"), rs.getString("unit_code"), rs.getString("unit_name"),
				rs.getString("unit_path"), rs.getString("status"), rs.getInt("version"),
				rs.getObject("closed_at", OffsetDateTime.class), rs.getLong("open_tasks"), rs.getLong("all_tasks"),
				List.of(), List.of());
	}

}
