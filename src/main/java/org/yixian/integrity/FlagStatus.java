package org.yixian.integrity;

/**
 * Where a flag stands: open until a supervisor confirms or dismisses it with a note.
 */
public enum FlagStatus {

	OPEN, CONFIRMED, DISMISSED

}
