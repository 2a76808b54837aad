package org.yixian.casework;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.organisation.Actor;

/**
 * In-app notifications to units: new cases to sign, returns to review, supervision.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final Clock clock;

	Notifications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public long unread(Actor actor) {
		return this.jdbc
			.sql("""
					select count(*) from notifications n left join cases c on c.id = n.case_id
					where n.unit_id = ? and n.read_at is null and (n.case_id is null or %s)"""
				.formatted(Confidentiality.SQL))
			.params(actor.unitId(), Confidentiality.ancestry(actor))
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public List<Notification> latest(Actor actor) {
		return this.jdbc
			.sql("""
					select n.id, n.case_id, c.number, c.title, n.kind, n.text, n.created_at, n.read_at
					from notifications n left join cases c on c.id = n.case_id
					where n.unit_id = ? and (n.case_id is null or %s) order by n.id desc limit 100"""
				.formatted(Confidentiality.SQL))
			.params(actor.unitId(), Confidentiality.ancestry(actor))
			.query((rs, i) -> new Notification(rs.getLong("id"), rs.getObject("case_id", Long.class),
					rs.getString("number"), rs.getString("title"), rs.getString("kind"), rs.getString("text"),
					rs.getObject("created_at", OffsetDateTime.class), rs.getObject("read_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * Tells a unit about a case (for modules that react to the core's events).
	 */
	@Transactional
	public void send(long unitId, long caseId, String kind, String messageKey) {
		this.jdbc.sql("insert into notifications (unit_id, case_id, kind, text, created_at) values (?, ?, ?, ?, ?)")
			.params(unitId, caseId, kind, messageKey, OffsetDateTime.now(this.clock))
			.update();
	}

	/**
	 * Marks one of the unit's notifications read and names its case, if any.
	 */
	@Transactional
	public java.util.Optional<Long> open(long id, Actor actor) {
		return this.jdbc.sql("""
				update notifications set read_at = coalesce(read_at, ?) where id = ? and unit_id = ?
				returning case_id""")
			.params(OffsetDateTime.now(this.clock), id, actor.unitId())
			.query((rs, n) -> rs.getObject("case_id", Long.class))
			.optional();
	}

	@Transactional
	public void markAllRead(Actor actor) {
		this.jdbc.sql("update notifications set read_at = ? where unit_id = ? and read_at is null")
			.params(OffsetDateTime.now(this.clock), actor.unitId())
			.update();
	}

	/**
	 * One notification; {@code text} is a message key.
	 */
	public record Notification(long id, Long caseId, String caseNumber, String caseTitle, String kind, String text,
			OffsetDateTime createdAt, OffsetDateTime readAt) {
	}

}
