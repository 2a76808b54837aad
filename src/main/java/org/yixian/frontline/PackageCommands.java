package org.yixian.frontline;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/**
 * The command records of the package actions (包案) that this module contributes to cases.
 */
final class PackageCommands {

	private PackageCommands() {
	}

	/**
	 * {@code package}: the leader who takes personal charge (oneself, or a leader below),
	 * the plan and the date by which the case should be resolved.
	 */
	record Take(@Size(max = 32) String leaderUsername, @Size(max = 4000) String plan, LocalDate targetDate) {
	}

	/**
	 * {@code package-report}: a dated progress report, which goes on the case's timeline.
	 */
	record Report(@Size(max = 4000) String text) {
	}

	/**
	 * {@code package-outcome}: 化解 or not, and why.
	 */
	record Conclude(Boolean resolved, @Size(max = 4000) String text) {
	}

}
