package org.yixian.casework;

/**
 * Deadlines of demands (SIGN, REPLY) and of petitions (the rest).
 */
public enum DeadlineKind {

	SIGN, REPLY, REGISTER, NOTIFY, DECIDE, REVIEW_REQUEST, REVIEW_DECIDE, RECHECK_REQUEST, RECHECK_DECIDE, OBJECT

}
