package org.yixian.casework;

import java.time.OffsetDateTime;

/**
 * Filters of {@code GET /api/v1/cases} and of the inboxes; every part may be null. A
 * category filter takes the category and everything below it; a null {@code sort} keeps
 * the list's own order (by due time for the handling lists, by arrival for the others).
 */
public record CaseQuery(CaseStatus status, String unitCode, CaseKind kind, Boolean overdue, String text,
		OffsetDateTime from, OffsetDateTime to, Inbox inbox, String categoryCode, Sort sort) {

	public CaseQuery(CaseStatus status, String unitCode, CaseKind kind, Boolean overdue, String text,
			OffsetDateTime from, OffsetDateTime to, Inbox inbox) {
		this(status, unitCode, kind, overdue, text, from, to, inbox, null, null);
	}

	public static CaseQuery inbox(Inbox inbox) {
		return new CaseQuery(null, null, null, null, null, null, null, inbox);
	}

	/**
	 * The orders a person can pick by clicking a column's heading.
	 */
	public enum Sort {

		/** Newest first. */
		RECEIVED_DESC("c.received_at desc, c.id desc"),
		/** Oldest first. */
		RECEIVED("c.received_at, c.id"),
		/** Nearest deadline first, cases without one last. */
		DUE("c.current_due_at nulls last, c.id"),
		/** Farthest deadline first, cases without one last. */
		DUE_DESC("c.current_due_at desc nulls last, c.id desc"),
		/** By number. */
		NUMBER("c.number, c.id"),
		/** By number, descending. */
		NUMBER_DESC("c.number desc, c.id desc"),
		/** By status, then newest first. */
		STATUS("c.status, c.received_at desc, c.id desc");

		final String sql;

		Sort(String sql) {
			this.sql = sql;
		}

		/**
		 * The order a column's heading switches to when clicked while this one holds.
		 */
		static Sort toggle(Sort current, String column) {
			return switch (column) {
				case "number" -> (current == NUMBER) ? NUMBER_DESC : NUMBER;
				case "received" -> (current == RECEIVED_DESC) ? RECEIVED : RECEIVED_DESC;
				case "due" -> (current == DUE) ? DUE_DESC : DUE;
				default -> STATUS;
			};
		}

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
