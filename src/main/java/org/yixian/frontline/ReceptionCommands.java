package org.yixian.frontline;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.yixian.casework.NewCase;

/**
 * What reception days take: the day itself, a citizen's booking, and a visit on the day.
 */
final class ReceptionCommands {

	private ReceptionCommands() {
	}

	/**
	 * {@code POST /receptions}: a leader's reception day. {@code leaderPost} (职务) is
	 * shown to the public; without it the unit's name is.
	 */
	record NewReception(@NotBlank @Size(max = 32) String leaderUsername, @Size(max = 100) String leaderPost,
			@NotBlank @Size(max = 32) String unitCode, @NotBlank @Size(max = 200) String place,
			@NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt, @NotNull @Min(1) @Max(500) Integer slots,
			@Size(max = 200) String topic) {
	}

	/**
	 * {@code POST /public/receptions/{id}/bookings}.
	 */
	record NewBooking(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 20) String phone,
			@NotBlank @Size(max = 2000) String matter) {
	}

	/**
	 * Cancelling a booking with its code.
	 */
	record Cancellation(@NotBlank @Size(max = 20) String confirmationCode) {
	}

	/**
	 * {@code POST /receptions/{id}/visits}: who came (with their booking's code, or a
	 * walk-in), what they said, and whether it was answered on the spot or became a case.
	 * {@code case} is a {@code POST /cases} body; its channel defaults to WALK_IN and its
	 * complainant to the visitor.
	 */
	record NewVisit(@Size(max = 20) String confirmationCode, Visitor complainant, @Size(max = 4000) String matter,
			VisitOutcome outcome, @Size(max = 4000) String answer, @JsonProperty("case") NewCase caseBody) {
	}

	/**
	 * The person who came.
	 */
	record Visitor(@Size(max = 50) String name, @Size(max = 20) String phone, @Size(max = 18) String idNumber) {
	}

	/**
	 * 当场答复 or 转为案件.
	 */
	enum VisitOutcome {

		ANSWERED, CASE

	}

}
