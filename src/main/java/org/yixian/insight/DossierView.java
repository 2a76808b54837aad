package org.yixian.insight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A dossier with its class, measures and before/after figures.
 */
record DossierView(Row dossier, ClassStore.ClassRow problemClass, List<Measure> measures,
		Dossiers.BeforeAfter figures) {

	record Row(long id, long classId, String title, String rootCause, String lessons, LocalDate measuresFrom,
			String createdBy, OffsetDateTime createdAt, int version) {

		static Row of(ResultSet rs) throws SQLException {
			return new Row(rs.getLong("id"), rs.getLong("class_id"), rs.getString("title"), rs.getString("root_cause"),
					rs.getString("lessons"), rs.getObject("measures_from", LocalDate.class), rs.getString("created_by"),
					rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));
		}

	}

	/**
	 * A rectification measure: a task with an owner unit and a due date.
	 */
	record Measure(long id, String text, String ownerUnitCode, String ownerUnitName, LocalDate dueDate, String status,
			OffsetDateTime doneAt, String evidence, int version, boolean late) {
	}

}
