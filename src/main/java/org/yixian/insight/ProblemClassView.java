package org.yixian.insight;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A problem class as {@code GET /api/v1/problem-classes} lists it: its volume in the
 * period and area asked for, and recent cases of it that the caller may open.
 */
public record ProblemClassView(long id, String title, String status, List<String> terms, long volume,
		List<CaseRef> cases) {

	/**
	 * A member case.
	 */
	public record CaseRef(long id, String number, String title, OffsetDateTime receivedAt) {
	}

}
