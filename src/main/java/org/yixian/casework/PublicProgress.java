package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a citizen sees with number and query code: no person's name, phone or ID, no
 * internal notes. {@code mayRate}: the demand was answered and awaits its return visit,
 * which the citizen may give online ({@code rated}: they did).
 */
public record PublicProgress(String number, String title, CaseStatus status, String statusOfParent, String handlingUnit,
		OffsetDateTime receivedAt, OffsetDateTime replyDueAt, String reply, List<PublicEvent> events, boolean mayRate,
		boolean rated) {

	/**
	 * A public step of the case.
	 */
	public record PublicEvent(OffsetDateTime at, String action, String unit, String text) {
	}

}
