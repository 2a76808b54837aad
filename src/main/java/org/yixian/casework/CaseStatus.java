package org.yixian.casework;

import java.util.EnumSet;
import java.util.Set;

/**
 * The core states every track maps onto. Analytics ask only about these.
 */
public enum CaseStatus {

	REGISTERED, DISPATCHED, HANDLING, REPLIED, VISITING, CLOSED, RETURNED, MERGED, ARCHIVED;

	static final Set<CaseStatus> FINISHED = EnumSet.of(CLOSED, MERGED, ARCHIVED);

	public boolean isOpen() {
		return !FINISHED.contains(this);
	}

}
