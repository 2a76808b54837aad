package org.yixian.casework;

import java.time.OffsetDateTime;

/**
 * Filters of {@code GET /api/v1/cases} and of the inboxes; every part may be null.
 */
public record CaseQuery(CaseStatus status, String unitCode, CaseKind kind, Boolean overdue, String text,
		OffsetDateTime from, OffsetDateTime to, Inbox inbox) {

	public static CaseQuery inbox(Inbox inbox) {
		return new CaseQuery(null, null, null, null, null, null, null, inbox);
	}

	/**
	 * The work lists of the roles.
	 */
	public enum Inbox {

		/** 待派单: registered, not yet dispatched (dispatchers). */
		TO_DISPATCH,
		/** 待签收: dispatched to my unit. */
		TO_SIGN,
		/** 办理中: in handling at my unit. */
		HANDLING,
		/** 协办: assisting tasks of my unit. */
		ASSISTING,
		/** 退单争议: a unit objected (dispatchers). */
		RETURNED,
		/** 待审核: replied, awaiting review (dispatchers). */
		TO_REVIEW,
		/** 待回访: awaiting the return visit (dispatchers). */
		TO_VISIT,
		/** 超时: past their current deadline. */
		OVERDUE,
		/** 待受理: petitions transferred to my unit. */
		TO_ACCEPT,
		/** 信访办理中: petitions accepted, or under review or recheck, at my unit. */
		PETITION_HANDLING,
		/** 异议审核: a unit objected to a transfer (petition office). */
		OBJECTED,
		/** 待复查/办结: decided, the request window running (petition office). */
		WINDOW

	}

}
