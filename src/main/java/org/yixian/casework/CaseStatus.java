package org.yixian.casework;

import java.util.EnumSet;
import java.util.Set;

/**
 * The core states that both tracks map onto; analytics ask only about these. Demands use
 * REGISTERED → DISPATCHED → HANDLING → REPLIED → VISITING → CLOSED (side states RETURNED,
 * MERGED, ARCHIVED); petitions REGISTERED → TRANSFERRED → ACCEPTED → DECIDED → REVIEWING
 * → REVIEWED → RECHECKING → FINAL (side states NOT_ACCEPTED, OBJECTED, MERGED, CLOSED,
 * ARCHIVED).
 */
public enum CaseStatus {

	REGISTERED, DISPATCHED, HANDLING, REPLIED, VISITING, CLOSED, RETURNED, MERGED, ARCHIVED, TRANSFERRED, ACCEPTED,
	DECIDED, REVIEWING, REVIEWED, RECHECKING, FINAL, NOT_ACCEPTED, OBJECTED;

	static final Set<CaseStatus> FINISHED = EnumSet.of(CLOSED, MERGED, ARCHIVED, FINAL, NOT_ACCEPTED);

	public boolean isOpen() {
		return !FINISHED.contains(this);
	}

}
