package org.yixian.casework;

import java.time.OffsetDateTime;

/**
 * One unit's part in a case: the lead unit (主办), an assisting unit (协办) with its own
 * task, or a unit that gets a copy (抄送).
 */
final class UnitTask {

	final long unitId;

	final String unitCode;

	final String unitName;

	final String unitPath;

	final UnitRole role;

	String state;

	boolean mayReturn;

	int returns;

	OffsetDateTime assignedAt;

	OffsetDateTime doneAt;

	String note;

	boolean dirty;

	UnitTask(long unitId, String unitCode, String unitName, String unitPath, UnitRole role, String state,
			boolean mayReturn, int returns, OffsetDateTime assignedAt, OffsetDateTime doneAt, String note) {
		this.unitId = unitId;
		this.unitCode = unitCode;
		this.unitName = unitName;
		this.unitPath = unitPath;
		this.role = role;
		this.state = state;
		this.mayReturn = mayReturn;
		this.returns = returns;
		this.assignedAt = assignedAt;
		this.doneAt = doneAt;
		this.note = note;
	}

	boolean isOpen() {
		return "OPEN".equals(this.state);
	}

}
