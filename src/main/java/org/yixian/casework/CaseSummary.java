package org.yixian.casework;

import java.time.OffsetDateTime;

/**
 * A row of a case list or inbox.
 */
public record CaseSummary(long id, String number, CaseKind kind, String type, Channel channel, CaseStatus status,
		String title, String categoryName, String areaUnitName, String assignedUnitCode, String assignedUnitName,
		OffsetDateTime receivedAt, OffsetDateTime currentDueAt, WarningLevel warningLevel, int returnCount,
		int version) {
}
