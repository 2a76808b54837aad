package org.yixian.frontline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.casework.Channel;
import org.yixian.casework.NewCase;
import org.yixian.frontline.SessionCommands.NewResearch;
import org.yixian.frontline.SessionCommands.NewTask;
import org.yixian.organisation.Actor;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Research visits (调研): a leader sees the facts first-hand (are policies delivered, does
 * service keep up); each finding is recorded and may become a task for a unit or a case
 * whose origin is the visit.
 */
@Service
class ResearchVisits {

	private static final String SELECT = """
			select r.*, u.username, u.display_name, n.code as unit_code, n.name as unit_name, n.path as unit_path
			from research_visits r join users u on u.id = r.leader_id join units n on n.id = r.unit_id""";

	private final JdbcClient jdbc;

	private final Leaders leaders;

	private final Tasks tasks;

	private final FrontlineCases cases;

	private final Clock clock;

	ResearchVisits(JdbcClient jdbc, Leaders leaders, Tasks tasks, FrontlineCases cases, Clock clock) {
		this.jdbc = jdbc;
		this.leaders = leaders;
		this.tasks = tasks;
		this.cases = cases;
		this.clock = clock;
	}

	@Transactional
	ResearchView create(NewResearch command, Actor actor) {
		if (!FrontlinePermissions.arranges(actor)) {
			throw new ForbiddenException("frontline.mayNotArrange");
		}
		Leader leader = this.leaders.arrangeable(command.leaderUsername(), actor, "leaderUsername");
		long id = this.jdbc.sql("""
				insert into research_visits (topic, places, visit_date, leader_id, unit_id, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(command.topic().strip(), command.places().strip(), command.date(), leader.id(), leader.unitId(),
					actor.getUsername(), OffsetDateTime.now(this.clock))
			.query(Long.class)
			.single();
		return view(id, actor);
	}

	/**
	 * Records a finding, with the task or case it becomes.
	 */
	@Transactional
	ResearchView.Finding addFinding(long id, NewFinding command, Actor actor) {
		ResearchView visit = view(id, actor);
		if (!FrontlinePermissions.mayRecord(actor, visit.leaderId(), visit.unitPath())) {
			throw new ForbiddenException("frontline.mayNotRecord");
		}
		Long taskId = null;
		if (command.task() != null && !Text.isBlank(command.task().ownerUnitCode())) {
			FindingTask t = command.task();
			if (t.dueDate() == null) {
				throw new InvalidInputException("task.dueDate", "NotNull");
			}
			taskId = this.tasks
				.create(null, id, new NewTask(command.text(), t.ownerUnitCode(), t.dueDate(), null), actor)
				.id();
		}
		FrontlineCases.Registered registered = null;
		if (command.caseBody() != null) {
			registered = this.cases.register(command.caseBody(), "case", Channel.FIELD, null,
					new NewCase.Origin(NewCase.OriginKind.RESEARCH, id), actor);
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		long findingId = this.jdbc
			.sql("""
					insert into research_findings (research_id, text, task_id, case_id, case_number, recorded_by, recorded_at)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(id, command.text().strip(), taskId, (registered != null) ? registered.id() : null,
					(registered != null) ? registered.number() : null, actor.getUsername(), now)
			.query(Long.class)
			.single();
		return new ResearchView.Finding(findingId, command.text().strip(), taskId,
				(registered != null) ? registered.id() : null, (registered != null) ? registered.number() : null,
				(registered != null) ? registered.queryCode() : null, actor.getUsername(), now);
	}

	@Transactional(readOnly = true)
	ResearchView view(long id, Actor actor) {
		ResearchView visit = this.jdbc.sql(SELECT + " where r.id = ?")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional()
			.filter((v) -> FrontlinePermissions.maySee(actor, v.leaderId(), v.unitPath()))
			.orElseThrow(() -> new NotFoundException("research visit " + id));
		List<ResearchView.Finding> findings = this.jdbc
			.sql("select * from research_findings where research_id = ? order by id")
			.param(id)
			.query((rs, n) -> new ResearchView.Finding(rs.getLong("id"), rs.getString("text"),
					rs.getObject("task_id", Long.class), rs.getObject("case_id", Long.class),
					rs.getString("case_number"), null, rs.getString("recorded_by"),
					rs.getObject("recorded_at", OffsetDateTime.class)))
			.list();
		return visit.with(findings, this.tasks.ofResearch(id));
	}

	@Transactional(readOnly = true)
	List<ResearchView> list(Actor actor) {
		return this.jdbc.sql(SELECT + " where r.leader_id = ? or n.path like ? order by r.visit_date desc limit 200")
			.params(actor.id(), actor.scope().likePattern())
			.query((rs, n) -> map(rs))
			.list();
	}

	private static ResearchView map(ResultSet rs) throws SQLException {
		return new ResearchView(rs.getLong("id"), rs.getString("topic"), rs.getString("places"),
				rs.getObject("visit_date", LocalDate.class), rs.getLong("leader_id"), rs.getString("username"),
				rs.getString("display_name"), rs.getString("unit_code"), rs.getString("unit_name"),
				rs.getString("unit_path"), List.of(), List.of());
	}

	/**
	 * {@code POST /research-visits/{id}/findings}: what was found, and optionally the
	 * task ({@code ownerUnitCode}, {@code dueDate}) or the case ({@code case}, a
	 * {@code POST
	 * /cases} body) it becomes.
	 */
	record NewFinding(@NotBlank @Size(max = 4000) String text, FindingTask task,
			@JsonProperty("case") NewCase caseBody) {
	}

	/**
	 * The task a finding becomes.
	 */
	record FindingTask(@Size(max = 32) String ownerUnitCode, LocalDate dueDate) {
	}

	/**
	 * A research visit with its findings and tasks.
	 */
	record ResearchView(long id, String topic, String places, LocalDate date, @JsonIgnore long leaderId,
			String leaderUsername, String leaderName, String unitCode, String unitName, @JsonIgnore String unitPath,
			List<Finding> findings, List<TaskView> tasks) {

		ResearchView with(List<Finding> findings, List<TaskView> tasks) {
			return new ResearchView(this.id, this.topic, this.places, this.date, this.leaderId, this.leaderUsername,
					this.leaderName, this.unitCode, this.unitName, this.unitPath, findings, tasks);
		}

		/**
		 * A finding and what it became; {@code queryCode} only in the answer that created
		 * its case.
		 */
		record Finding(long id, String text, Long taskId, Long caseId, String caseNumber, String queryCode,
				String recordedBy, OffsetDateTime recordedAt) {
		}

	}

}
