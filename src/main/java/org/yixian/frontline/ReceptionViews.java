package org.yixian.frontline;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reception days as the API and pages show them.
 */
final class ReceptionViews {

	private ReceptionViews() {
	}

	/**
	 * A reception day with its bookings and visits, for the people who run it.
	 */
	record ReceptionView(long id, String leaderUsername, String leaderName, String leaderPost, String unitCode,
			String unitName, String place, String topic, OffsetDateTime startsAt, OffsetDateTime endsAt, int slots,
			int booked, int freeSlots, List<BookingView> bookings, List<VisitView> visits) {
	}

	/**
	 * A day in a list.
	 */
	record ReceptionSummary(long id, String leaderUsername, String leaderName, String leaderPost, String unitName,
			String place, String topic, OffsetDateTime startsAt, OffsetDateTime endsAt, int slots, int booked,
			long visits) {
	}

	/**
	 * What anyone may read of an upcoming day: no person's data but the leader's name and
	 * post.
	 */
	record PublicReception(long id, String leaderName, String leaderPost, String unitName, String place, String topic,
			OffsetDateTime startsAt, OffsetDateTime endsAt, int slots, int freeSlots) {
	}

	record BookingView(long id, String name, String phone, String matter, String status, OffsetDateTime bookedAt) {
	}

	/**
	 * A visit; {@code queryCode} is present only in the answer that created its case.
	 */
	record VisitView(long id, Long bookingId, String complainantName, String complainantPhone, String matter,
			String outcome, String answer, Long caseId, String caseNumber, String queryCode, String recordedBy,
			OffsetDateTime recordedAt) {
	}

	/**
	 * The answer to a booking: the code to keep (shown once).
	 */
	record Confirmation(String confirmationCode, long receptionId, OffsetDateTime startsAt, String place) {
	}

}
