package org.yixian.frontline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.casework.CaseQueries;
import org.yixian.casework.Channel;
import org.yixian.casework.NewCase;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Down-visits (下访): a leader plans to go down to an area with a purpose and the cases to
 * follow up there, then records what was found and done; cases registered from it carry
 * it as their origin. The record is made once.
 */
@Service
class DownVisits {

	private static final String SELECT = """
			select d.*, u.username, u.display_name, n.code as area_code, n.name as area_name, n.path as area_path
			from down_visits d join users u on u.id = d.leader_id join units n on n.id = d.area_unit_id""";

	private final JdbcClient jdbc;

	private final Leaders leaders;

	private final Units units;

	private final CaseQueries caseQueries;

	private final FrontlineCases cases;

	private final Clock clock;

	DownVisits(JdbcClient jdbc, Leaders leaders, Units units, CaseQueries caseQueries, FrontlineCases cases,
			Clock clock) {
		this.jdbc = jdbc;
		this.leaders = leaders;
		this.units = units;
		this.caseQueries = caseQueries;
		this.cases = cases;
		this.clock = clock;
	}

	@Transactional
	DownVisitView plan(NewDownVisit command, Actor actor) {
		if (!FrontlinePermissions.arranges(actor)) {
			throw new ForbiddenException("frontline.mayNotArrange");
		}
		Leader leader = this.leaders.arrangeable(command.leaderUsername(), actor, "leaderUsername");
		Unit area = this.units.findByCode(command.areaUnitCode().strip())
			.filter((u) -> u.isWithin(actor.scope()))
			.orElseThrow(() -> new InvalidInputException("areaUnitCode", "unit.unknown", command.areaUnitCode()));
		List<Long> ids = (command.caseIds() != null) ? command.caseIds() : List.of();
		List<String> numbers = new ArrayList<>();
		List<FieldMessage> problems = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			try {
				numbers.add(this.caseQueries.view(ids.get(i), actor).number());
			}
			catch (NotFoundException ex) {
				problems.add(new FieldMessage("caseIds[" + i + "]", "frontline.unknownCase", ids.get(i)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = this.jdbc.sql("""
				insert into down_visits (leader_id, area_unit_id, visit_date, purpose, created_by, created_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(leader.id(), area.id(), command.date(), command.purpose().strip(), actor.getUsername(),
					OffsetDateTime.now(this.clock))
			.query(Long.class)
			.single();
		for (int i = 0; i < ids.size(); i++) {
			this.jdbc
				.sql("""
						insert into down_visit_cases (down_visit_id, case_id, role, case_number) values (?, ?, 'FOLLOW_UP', ?)
						on conflict do nothing""")
				.params(id, ids.get(i), numbers.get(i))
				.update();
		}
		return view(id, actor);
	}

	/**
	 * What was found and done, and the cases registered on the spot.
	 */
	@Transactional
	DownVisitView record(long id, DownVisitRecord command, Actor actor) {
		DownVisitView visit = view(id, actor);
		if (!FrontlinePermissions.mayRecord(actor, visit.leaderId(), visit.areaPath())) {
			throw new ForbiddenException("frontline.mayNotRecord");
		}
		if (visit.recordedAt() != null) {
			throw new ConflictException("ILLEGAL_TRANSITION", "downVisit.recorded");
		}
		List<NewCase> bodies = (command.cases() != null) ? command.cases() : List.of();
		List<DownVisitView.CaseRef> created = new ArrayList<>();
		for (int i = 0; i < bodies.size(); i++) {
			FrontlineCases.Registered registered = this.cases.register(bodies.get(i), "cases[" + i + "]", Channel.FIELD,
					null, new NewCase.Origin(NewCase.OriginKind.DOWN_VISIT, id), actor);
			this.jdbc
				.sql("""
						insert into down_visit_cases (down_visit_id, case_id, role, case_number) values (?, ?, 'CREATED', ?)""")
				.params(id, registered.id(), registered.number())
				.update();
			created.add(new DownVisitView.CaseRef(registered.id(), registered.number(), registered.queryCode()));
		}
		this.jdbc
			.sql("""
					update down_visits set findings = ?, recorded_by = ?, recorded_at = ? where id = ? and recorded_at is null""")
			.params(command.findings().strip(), actor.getUsername(), OffsetDateTime.now(this.clock), id)
			.update();
		DownVisitView recorded = view(id, actor);
		return recorded.withCreated(created);
	}

	@Transactional(readOnly = true)
	DownVisitView view(long id, Actor actor) {
		DownVisitView visit = this.jdbc.sql(SELECT + " where d.id = ?")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional()
			.filter((v) -> FrontlinePermissions.maySee(actor, v.leaderId(), v.areaPath()))
			.orElseThrow(() -> new NotFoundException("down-visit " + id));
		List<DownVisitView.CaseRef> followUps = new ArrayList<>();
		List<DownVisitView.CaseRef> created = new ArrayList<>();
		this.jdbc
			.sql("select case_id, role, case_number from down_visit_cases where down_visit_id = ? order by case_id")
			.param(id)
			.query((rs) -> {
				DownVisitView.CaseRef ref = new DownVisitView.CaseRef(rs.getLong("case_id"),
						rs.getString("case_number"), null);
				("CREATED".equals(rs.getString("role")) ? created : followUps).add(ref);
			});
		return visit.with(followUps, created);
	}

	@Transactional(readOnly = true)
	List<DownVisitView> list(Actor actor) {
		return this.jdbc.sql(SELECT + " where d.leader_id = ? or n.path like ? order by d.visit_date desc limit 200")
			.params(actor.id(), actor.scope().likePattern())
			.query((rs, n) -> map(rs))
			.list();
	}

	/**
	 * The planned down-visits of a leader from a day on.
	 */
	List<DownVisitView> upcoming(Leader leader, LocalDate from) {
		return this.jdbc.sql(SELECT + " where d.leader_id = ? and d.visit_date >= ? order by d.visit_date limit 20")
			.params(leader.id(), from)
			.query((rs, n) -> map(rs))
			.list();
	}

	private static DownVisitView map(ResultSet rs) throws SQLException {
		return new DownVisitView(rs.getLong("id"), rs.getLong("leader_id"), rs.getString("username"),
				rs.getString("display_name"), rs.getString("area_code"), rs.getString("area_name"),
				rs.getString("area_path"), rs.getObject("visit_date", LocalDate.class), rs.getString("purpose"),
				rs.getString("findings"), rs.getString("recorded_by"),
				rs.getObject("recorded_at", OffsetDateTime.class), List.of(), List.of());
	}

	/**
	 * {@code POST /down-visits}.
	 */
	record NewDownVisit(@NotBlank @Size(max = 32) String leaderUsername, @NotBlank @Size(max = 32) String areaUnitCode,
			@NotNull LocalDate date, @NotBlank @Size(max = 2000) String purpose, @Size(max = 50) List<Long> caseIds) {
	}

	/**
	 * {@code POST /down-visits/{id}/record}: findings, and cases as {@code POST /cases}
	 * bodies (channel FIELD unless given).
	 */
	record DownVisitRecord(@NotBlank @Size(max = 4000) String findings, @Size(max = 20) List<NewCase> cases) {
	}

	/**
	 * A down-visit with the cases it follows up and those it created.
	 */
	record DownVisitView(long id, @JsonIgnore long leaderId, String leaderUsername, String leaderName,
			String areaUnitCode, String areaUnitName, @JsonIgnore String areaPath, LocalDate date, String purpose,
			String findings, String recordedBy, OffsetDateTime recordedAt, List<CaseRef> followUps,
			List<CaseRef> createdCases) {

		DownVisitView with(List<CaseRef> followUps, List<CaseRef> created) {
			return new DownVisitView(this.id, this.leaderId, this.leaderUsername, this.leaderName, this.areaUnitCode,
					this.areaUnitName, this.areaPath, this.date, this.purpose, this.findings, this.recordedBy,
					this.recordedAt, followUps, created);
		}

		DownVisitView withCreated(List<CaseRef> created) {
			return with(this.followUps, created);
		}

		/**
		 * A case by id and number; {@code queryCode} only in the answer that created it.
		 */
		record CaseRef(long id, String number, String queryCode) {
		}

	}

}
