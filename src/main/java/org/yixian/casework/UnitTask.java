package org.yixian.casework;

import java.time.OffsetDateTime;

/**
 * One unit's part in a case: the lead unit (主办), an assisting unit (协办) with its own
 * task, or a unit that gets a copy (抄送).
 */
public final class UnitTask {

	static final String OPEN = "OPEN";

	static final String DONE = "DONE";

	static final String WITHDRAWN = "WITHDRAWN";

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

	public long unitId() {
		return this.unitId;
	}

	public String unitCode() {
		return this.unitCode;
	}

	public String unitName() {
		return this.unitName;
	}

	public String unitPath() {
		return this.unitPath;
	}

	public UnitRole role() {
		return this.role;
	}

	/**
	 * Open or done: a unit that did work on the case keeps sight of it; one withdrawn
	 * before doing anything does not.
	 */
	public boolean isLive() {
		return !WITHDRAWN.equals(this.state) || this.returns > 0 || this.note != null;
	}

	public boolean isOpen() {
		return OPEN.equals(this.state);
	}

	public boolean mayReturn() {
		return this.mayReturn;
	}

	/**
	 * A unit designated after its objection was reviewed may not object again.
	 */
	public void forbidReturn() {
		this.mayReturn = false;
		this.dirty = true;
	}

	public void countReturn() {
		this.returns++;
		this.dirty = true;
	}

	void reopen(OffsetDateTime at) {
		this.state = OPEN;
		this.assignedAt = at;
		this.doneAt = null;
		this.dirty = true;
	}

	/**
	 * Opens the task again without a new assignment time (a reopened case).
	 */
	public void resume() {
		this.state = OPEN;
		this.doneAt = null;
		this.dirty = true;
	}

	public void withdraw(OffsetDateTime at) {
		this.state = WITHDRAWN;
		this.doneAt = at;
		this.dirty = true;
	}

	public void finish(OffsetDateTime at, String note) {
		this.state = DONE;
		this.doneAt = at;
		if (note != null) {
			this.note = note;
		}
		this.dirty = true;
	}

}
