package org.yixian.frontline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The package rows (包案) of cases: at most one live package per case, written in the
 * transaction of the case action that changes it.
 */
@Component
class PackageStore {

	private static final String SELECT = """
			select p.*, u.username, u.display_name, n.id as unit_id, n.code as unit_code, n.name as unit_name
			from package_cases p join users u on u.id = p.leader_id join units n on n.id = u.unit_id""";

	private final JdbcClient jdbc;

	PackageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Package> live(long caseId) {
		return this.jdbc.sql(SELECT + " where p.case_id = ? and p.outcome_at is null")
			.param(caseId)
			.query(PackageStore::map)
			.optional();
	}

	/**
	 * The live package, else the latest concluded one.
	 */
	Optional<Package> latest(long caseId) {
		return this.jdbc.sql(SELECT + " where p.case_id = ? order by p.outcome_at is null desc, p.id desc limit 1")
			.param(caseId)
			.query(PackageStore::map)
			.optional();
	}

	/**
	 * @return false when the case already has a live package
	 */
	boolean take(long caseId, Leader leader, String assignedBy, String plan, LocalDate targetDate, OffsetDateTime at) {
		return this.jdbc.sql("""
				insert into package_cases (case_id, leader_id, assigned_by, plan, target_date, packaged_at)
				values (?, ?, ?, ?, ?, ?) on conflict (case_id) where outcome_at is null do nothing""")
			.params(caseId, leader.id(), assignedBy, plan, targetDate, at)
			.update() == 1;
	}

	void report(long packageId, OffsetDateTime at) {
		this.jdbc.sql("update package_cases set report_count = report_count + 1, last_report_at = ? where id = ?")
			.params(at, packageId)
			.update();
	}

	boolean conclude(long packageId, boolean resolved, String text, OffsetDateTime at) {
		return this.jdbc
			.sql("""
					update package_cases set outcome_at = ?, resolved = ?, outcome_text = ? where id = ? and outcome_at is null""")
			.params(at, resolved, text, packageId)
			.update() == 1;
	}

	static Package map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Package(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("leader_id"), rs.getString("username"),
				rs.getString("display_name"), rs.getLong("unit_id"), rs.getString("unit_code"),
				rs.getString("unit_name"), rs.getString("assigned_by"), rs.getString("plan"),
				rs.getObject("target_date", LocalDate.class), rs.getObject("packaged_at", OffsetDateTime.class),
				rs.getInt("report_count"), rs.getObject("last_report_at", OffsetDateTime.class),
				rs.getObject("outcome_at", OffsetDateTime.class), rs.getObject("resolved", Boolean.class),
				rs.getString("outcome_text"));
	}

	/**
	 * A package as stored, with its leader.
	 */
	record Package(long id, long caseId, long leaderId, String leaderUsername, String leaderName, long leaderUnitId,
			String leaderUnitCode, String leaderUnitName, String assignedBy, String plan, LocalDate targetDate,
			OffsetDateTime packagedAt, int reportCount, OffsetDateTime lastReportAt, OffsetDateTime outcomeAt,
			Boolean resolved, String outcomeText) {

		boolean isLive() {
			return this.outcomeAt == null;
		}

		/**
		 * Live and past its target date.
		 */
		boolean lateOn(LocalDate today) {
			return isLive() && this.targetDate.isBefore(today);
		}

	}

}
