package org.yixian.metrics;

/**
 * What one case can contribute to a unit's figures on a day. The three visit answers are
 * kept as raw counts so that any weighting can be recomputed.
 */
enum Measure {

	/** A demand registered (per area unit and category). */
	REGISTERED,
	/** The case went to this unit (dispatch, re-dispatch, escalation). */
	DISPATCHED,
	/** This unit signed within the SIGN window (counted on the day of the dispatch). */
	SIGNED_IN_TIME,
	/** This unit sent the case back (退单). */
	RETURNED,
	/** The case's last reply, by this unit. */
	REPLIED,
	/** The case's last reply, by this unit within the REPLY deadline. */
	REPLIED_IN_TIME,
	/** The case's last return visit, about this unit's reply. */
	VISITED, VISIT_RESOLVED, VISIT_PARTLY, VISIT_UNRESOLVED, VISIT_SATISFIED, VISIT_BASICALLY, VISIT_UNSATISFIED,
	/** The case was reopened while this unit led it (重办). */
	REOPENED,
	/** An extension of the REPLY deadline was approved (延期). */
	EXTENDED,
	/** Closed while this unit led it; value = seconds from the first dispatch. */
	HANDLED,
	/** A petition registered (per area unit and category). */
	P_REGISTERED,
	/** This unit accepted a petition (受理). */
	P_ACCEPTED,
	/** This unit decided a petition (处理意见). */
	P_DECIDED,
	/** ... within the DECIDE deadline. */
	P_DECIDED_IN_TIME,
	/** The petitioner asked for a review (复查) of this unit's decision. */
	P_REVIEWS,
	/** The petitioner asked for a recheck (复核) of this unit's review. */
	P_RECHECKS,
	/** A petition that had passed its DECIDE deadline undecided was finished (积案化解). */
	P_BACKLOG_SOLVED;

	static Measure visitAnswer(String answer) {
		return valueOf("VISIT_" + answer);
	}

}
