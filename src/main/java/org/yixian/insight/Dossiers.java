package org.yixian.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Typical-case dossiers (典型案例): a problem class dissected — root cause, rectification
 * measures as tasks with an owner unit and a due date, lessons (举一反三) — and the proof
 * that the class shrank: its volume in the days before the measures took effect against
 * as many days after ({@link BeforeAfter}).
 */
@Service
class Dossiers {

	static final int MAX_DAYS = 56;

	private final JdbcClient jdbc;

	private final ClassStore classes;

	private final Units units;

	private final AuditLog audit;

	private final Clock clock;

	Dossiers(JdbcClient jdbc, ClassStore classes, Units units, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.classes = classes;
		this.units = units;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	long create(long classId, DossierForm form, Actor actor) {
		this.classes.find(classId).orElseThrow(() -> new NotFoundException("class " + classId));
		form.check();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		long id = this.jdbc
			.sql("""
					insert into insight_dossiers (class_id, title, root_cause, lessons, measures_from, created_by, created_at, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(classId, form.title().strip(), form.rootCause(), form.lessons(), form.measuresFrom(),
					actor.getUsername(), now, now)
			.query(Long.class)
			.single();
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "DOSSIER_CREATED", "dossier",
				Long.toString(id), form.title(), null));
		return id;
	}

	@Transactional
	void update(long id, int version, DossierForm form, Actor actor) {
		form.check();
		int updated = this.jdbc.sql("""
				update insight_dossiers set title = ?, root_cause = ?, lessons = ?, measures_from = ?, updated_at = ?,
				  version = version + 1 where id = ? and version = ?""")
			.params(form.title().strip(), form.rootCause(), form.lessons(), form.measuresFrom(),
					OffsetDateTime.now(this.clock), id, version)
			.update();
		if (updated == 0) {
			find(id);
			throw new ConflictException("STALE_VERSION", "error.staleVersion");
		}
	}

	@Transactional
	long addMeasure(long dossierId, String text, String ownerUnitCode, LocalDate dueDate, Actor actor) {
		find(dossierId);
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("text", "NotBlank");
		}
		if (text.strip().length() > 500) {
			throw new InvalidInputException("text", "Max", 0, 500);
		}
		if (ownerUnitCode == null || this.units.findByCode(ownerUnitCode.strip()).isEmpty()) {
			throw new InvalidInputException("ownerUnitCode", "insight.unknownArea");
		}
		if (dueDate == null) {
			throw new InvalidInputException("dueDate", "NotNull");
		}
		return this.jdbc
			.sql("""
					insert into insight_measures (dossier_id, text, owner_unit_code, due_date) values (?, ?, ?, ?) returning id""")
			.params(dossierId, text.strip(), ownerUnitCode.strip(), dueDate)
			.query(Long.class)
			.single();
	}

	/**
	 * Marks a measure done: by analysts, or by someone of the owner unit (or above it).
	 */
	@Transactional
	void completeMeasure(long dossierId, long measureId, int version, String evidence, Actor actor) {
		String owner = this.jdbc.sql("select owner_unit_code from insight_measures where id = ? and dossier_id = ?")
			.params(measureId, dossierId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("measure " + measureId));
		boolean analyst = actor.has(Role.ANALYST) || actor.has(Role.ADMIN);
		if (!analyst && this.units.findByCode(owner).filter((u) -> u.isWithin(actor.scope())).isEmpty()) {
			throw new ForbiddenException("insight.measure.notOwner");
		}
		int updated = this.jdbc.sql("""
				update insight_measures set status = 'DONE', done_at = ?, evidence = ?, version = version + 1
				where id = ? and version = ? and status = 'OPEN'""")
			.params(OffsetDateTime.now(this.clock), evidence, measureId, version)
			.update();
		if (updated == 0) {
			throw new ConflictException("STALE_VERSION", "error.staleVersion");
		}
	}

	@Transactional(readOnly = true)
	DossierView view(long id, Actor actor) {
		DossierView.Row row = find(id);
		List<DossierView.Measure> measures = this.jdbc
			.sql("select * from insight_measures where dossier_id = ? order by due_date, id")
			.param(id)
			.query((rs, n) -> new DossierView.Measure(rs.getLong("id"), rs.getString("text"),
					rs.getString("owner_unit_code"),
					this.units.findByCode(rs.getString("owner_unit_code")).map((u) -> u.name()).orElse(""),
					rs.getObject("due_date", LocalDate.class), rs.getString("status"),
					rs.getObject("done_at", OffsetDateTime.class), rs.getString("evidence"), rs.getInt("version"),
					"OPEN".equals(rs.getString("status"))
							&& rs.getObject("due_date", LocalDate.class).isBefore(LocalDate.now(this.clock))))
			.list();
		BeforeAfter figures = (row.measuresFrom() != null) ? beforeAfter(row.classId(), row.measuresFrom(), actor)
				: null;
		return new DossierView(row, this.classes.find(row.classId()).orElseThrow(), measures, figures);
	}

	List<DossierView.Row> ofClass(long classId) {
		return this.jdbc.sql("select * from insight_dossiers where class_id = ? order by id")
			.param(classId)
			.query((rs, n) -> DossierView.Row.of(rs))
			.list();
	}

	/**
	 * The class's cases in the scope, in equal windows before and after the day the
	 * measures took effect: as many days as have passed since (at least one, at most
	 * {@value #MAX_DAYS}), so that the window after is never partly in the future.
	 */
	BeforeAfter beforeAfter(long classId, LocalDate from, Actor actor) {
		LocalDate today = LocalDate.now(this.clock);
		int days = (int) Math.max(1, Math.min(MAX_DAYS, ChronoUnit.DAYS.between(from, today)));
		var zone = this.clock.getZone();
		OffsetDateTime start = from.minusDays(days).atStartOfDay(zone).toOffsetDateTime();
		OffsetDateTime pivot = from.atStartOfDay(zone).toOffsetDateTime();
		OffsetDateTime end = from.plusDays(days).atStartOfDay(zone).toOffsetDateTime();
		long[] counts = this.jdbc
			.sql("""
					select count(*) filter (where received_at < ?), count(*) filter (where received_at >= ?)
					from insight_class_cases where class_id = ? and received_at >= ? and received_at < ? and area_path like ?""")
			.params(pivot, pivot, classId, start, end, actor.scope().likePattern())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		return BeforeAfter.of(from, days, counts[0], counts[1]);
	}

	private DossierView.Row find(long id) {
		return this.jdbc.sql("select * from insight_dossiers where id = ?")
			.param(id)
			.query((rs, n) -> DossierView.Row.of(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("dossier " + id));
	}

	/**
	 * The volume before and after: cases in each window of {@code days} days, per week,
	 * and the change in percent (null when there was nothing before).
	 */
	record BeforeAfter(LocalDate measuresFrom, int days, long before, long after, double beforePerWeek,
			double afterPerWeek, Long changePercent) {

		static BeforeAfter of(LocalDate measuresFrom, int days, long before, long after) {
			return new BeforeAfter(measuresFrom, days, before, after, Math.round(70.0 * before / days) / 10.0,
					Math.round(70.0 * after / days) / 10.0,
					(before == 0) ? null : Math.round(100.0 * (after - before) / before));
		}

	}

}
