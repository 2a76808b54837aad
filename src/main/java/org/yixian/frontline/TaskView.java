package org.yixian.frontline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.yixian.casework.WarningLevel;

/**
 * A task (任务清单 → 责任清单) as the API and pages show it; {@code warningLevel} warns like a
 * case's while it is open, against the end of its due date.
 */
record TaskView(long id, Long sessionId, Long researchId, String source, String problem, String ownerUnitCode,
		String ownerUnitName, LocalDate dueDate, OffsetDateTime dueAt, WarningLevel warningLevel, String status,
		int version, String evidence, String completedBy, OffsetDateTime completedAt, Long caseId, String caseNumber,
		List<Photo> photos) {

	@JsonIgnore
	public boolean isOpen() {
		return "OPEN".equals(this.status);
	}

	@JsonIgnore
	public boolean overdue() {
		return this.warningLevel != null && this.warningLevel.ordinal() >= WarningLevel.OVERDUE.ordinal();
	}

	/**
	 * An evidence photo.
	 */
	record Photo(long id, String fileName, int sizeBytes, String uploadedBy, OffsetDateTime uploadedAt) {
	}

}
