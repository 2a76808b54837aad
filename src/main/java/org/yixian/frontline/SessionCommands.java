package org.yixian.frontline;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What on-site office sessions, research visits and their tasks take.
 */
final class SessionCommands {

	private SessionCommands() {
	}

	/**
	 * {@code POST /site-sessions}: a 现场办公会 with the units that attend.
	 */
	record NewSession(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 200) String place,
			@NotNull LocalDate date, @NotBlank @Size(max = 32) String leaderUsername,
			@Size(max = 30) List<@Size(max = 32) String> attendeeUnitCodes) {
	}

	/**
	 * {@code POST /site-sessions/{id}/tasks}: a problem raised becomes a task with an
	 * owner unit and a due date, possibly tied to a case.
	 */
	record NewTask(@NotBlank @Size(max = 2000) String problem, @NotBlank @Size(max = 32) String ownerUnitCode,
			@NotNull LocalDate dueDate, Long caseId) {
	}

	/**
	 * {@code POST /tasks/{id}/actions/complete}: done, with evidence.
	 */
	record Completion(@NotNull Integer version, @Size(max = 4000) String evidence) {
	}

	/**
	 * {@code POST /research-visits}: a 调研 with its topic and the places visited.
	 */
	record NewResearch(@NotBlank @Size(max = 200) String topic, @NotBlank @Size(max = 500) String places,
			@NotNull LocalDate date, @NotBlank @Size(max = 32) String leaderUsername) {
	}

}
