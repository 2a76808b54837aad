package org.yixian.frontline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An on-site office session with the units that attended and its tasks.
 */
record SessionView(long id, String title, String place, LocalDate date, @JsonIgnore long leaderId,
		String leaderUsername, String leaderName, String unitCode, String unitName, @JsonIgnore String unitPath,
		String status, int version, OffsetDateTime closedAt, long openTasks, long taskCount, List<UnitName> attendees,
		List<TaskView> tasks) {

	SessionView with(List<UnitName> attendees, List<TaskView> tasks) {
		return new SessionView(this.id, this.title, this.place, this.date, this.leaderId, this.leaderUsername,
				this.leaderName, this.unitCode, this.unitName, this.unitPath, this.status, this.version, this.closedAt,
				this.openTasks, this.taskCount, attendees, tasks);
	}

	/**
	 * A unit by code and name.
	 */
	record UnitName(String code, String name) {
	}

}
