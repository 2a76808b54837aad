package org.yixian.frontline;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.frontline.ReceptionCommands.NewReception;
import org.yixian.frontline.ReceptionViews.BookingView;
import org.yixian.frontline.ReceptionViews.PublicReception;
import org.yixian.frontline.ReceptionViews.ReceptionSummary;
import org.yixian.frontline.ReceptionViews.ReceptionView;
import org.yixian.frontline.ReceptionViews.VisitView;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Leaders' reception days (领导干部接访日): arranged by the leader or an office that serves
 * them, published to citizens while they lie ahead, read with their bookings and visits
 * by the people who run them.
 */
@Service
class Receptions {

	static final String SUMMARY = """
			select r.id, u.username, u.display_name, r.leader_post, n.name as unit_name, r.place, r.topic, r.starts_at,
			       r.ends_at, r.slots, r.booked, (select count(*) from reception_visits v where v.reception_id = r.id) as visits
			from receptions r join users u on u.id = r.leader_id join units n on n.id = r.unit_id""";

	private final JdbcClient jdbc;

	private final Leaders leaders;

	private final Units units;

	private final Clock clock;

	Receptions(JdbcClient jdbc, Leaders leaders, Units units, Clock clock) {
		this.jdbc = jdbc;
		this.leaders = leaders;
		this.units = units;
		this.clock = clock;
	}

	@Transactional
	ReceptionView create(NewReception command, Actor actor) {
		if (!FrontlinePermissions.arranges(actor)) {
			throw new ForbiddenException("frontline.mayNotArrange");
		}
		Leader leader = this.leaders.arrangeable(command.leaderUsername(), actor, "leaderUsername");
		Unit unit = this.units.findByCode(command.unitCode().strip())
			.filter((u) -> u.isWithin(actor.scope()))
			.orElseThrow(() -> new InvalidInputException("unitCode", "unit.unknown", command.unitCode()));
		if (!command.endsAt().isAfter(command.startsAt())) {
			throw new InvalidInputException("endsAt", "frontline.endsBeforeStart");
		}
		long id = this.jdbc
			.sql("""
					insert into receptions (leader_id, unit_id, leader_post, place, topic, starts_at, ends_at, slots, created_by,
					  created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(leader.id(), unit.id(), Text.blankToNull(command.leaderPost()), command.place().strip(),
					Text.blankToNull(command.topic()), command.startsAt(), command.endsAt(), command.slots(),
					actor.getUsername(), OffsetDateTime.now(this.clock))
			.query(Long.class)
			.single();
		return view(id, actor);
	}

	@Transactional(readOnly = true)
	ReceptionView view(long id, Actor actor) {
		Row row = row(id).filter((r) -> FrontlinePermissions.maySee(actor, r.leaderId(), r.unitPath()))
			.orElseThrow(() -> new NotFoundException("reception " + id));
		List<BookingView> bookings = this.jdbc.sql("""
				select id, name, phone, matter, status, booked_at from reception_bookings where reception_id = ?
				order by booked_at, id""")
			.param(id)
			.query((rs, n) -> new BookingView(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
					rs.getString("matter"), rs.getString("status"), rs.getObject("booked_at", OffsetDateTime.class)))
			.list();
		List<VisitView> visits = this.jdbc.sql("select * from reception_visits where reception_id = ? order by id")
			.param(id)
			.query((rs, n) -> new VisitView(rs.getLong("id"), rs.getObject("booking_id", Long.class),
					rs.getString("complainant_name"), rs.getString("complainant_phone"), rs.getString("matter"),
					rs.getString("outcome"), rs.getString("answer"), rs.getObject("case_id", Long.class),
					rs.getString("case_number"), null, rs.getString("recorded_by"),
					rs.getObject("recorded_at", OffsetDateTime.class)))
			.list();
		return new ReceptionView(id, row.leaderUsername(), row.leaderName(), row.leaderPost(), row.unitCode(),
				row.unitName(), row.place(), row.topic(), row.startsAt(), row.endsAt(), row.slots(), row.booked(),
				row.slots() - row.booked(), bookings, visits);
	}

	/**
	 * The reception days the actor may see, latest first.
	 */
	@Transactional(readOnly = true)
	List<ReceptionSummary> list(Actor actor) {
		return this.jdbc.sql(SUMMARY + " where r.leader_id = ? or n.path like ? order by r.starts_at desc limit 200")
			.params(actor.id(), actor.scope().likePattern())
			.query(Receptions::summary)
			.list();
	}

	/**
	 * The days that have not ended, soonest first, as anyone may read them.
	 */
	@Transactional(readOnly = true)
	List<PublicReception> upcoming() {
		return this.jdbc
			.sql("""
					select r.id, u.display_name, coalesce(r.leader_post, n.name) as post, n.name as unit_name, r.place, r.topic,
					       r.starts_at, r.ends_at, r.slots, r.booked
					from receptions r join users u on u.id = r.leader_id join units n on n.id = r.unit_id
					where r.ends_at > ? order by r.starts_at, r.id limit 200""")
			.param(OffsetDateTime.now(this.clock))
			.query((rs, n) -> new PublicReception(rs.getLong("id"), rs.getString("display_name"), rs.getString("post"),
					rs.getString("unit_name"), rs.getString("place"), rs.getString("topic"),
					rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class),
					rs.getInt("slots"), rs.getInt("slots") - rs.getInt("booked")))
			.list();
	}

	/**
	 * One upcoming day for the public booking page.
	 */
	@Transactional(readOnly = true)
	PublicReception upcoming(long id) {
		return upcoming().stream()
			.filter((r) -> r.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("reception " + id));
	}

	static ReceptionSummary summary(ResultSet rs, int n) throws SQLException {
		return new ReceptionSummary(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("leader_post"), rs.getString("unit_name"), rs.getString("place"), rs.getString("topic"),
				rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class),
				rs.getInt("slots"), rs.getInt("booked"), rs.getLong("visits"));
	}

	Optional<Row> row(long id) {
		return this.jdbc.sql("""
				select r.*, u.username, u.display_name, n.code as unit_code, n.name as unit_name, n.path as unit_path
				from receptions r join users u on u.id = r.leader_id join units n on n.id = r.unit_id where r.id = ?""")
			.param(id)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("leader_id"), rs.getString("username"),
					rs.getString("display_name"), rs.getString("leader_post"), rs.getString("unit_code"),
					rs.getString("unit_name"), rs.getString("unit_path"), rs.getString("place"), rs.getString("topic"),
					rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class),
					rs.getInt("slots"), rs.getInt("booked")))
			.optional();
	}

	/**
	 * A reception day as stored.
	 */
	record Row(long id, long leaderId, String leaderUsername, String leaderName, String leaderPost, String unitCode,
			String unitName, String unitPath, String place, String topic, OffsetDateTime startsAt,
			OffsetDateTime endsAt, int slots, int booked) {
	}

}
