package org.yixian.integrity;

/**
 * What a flag suspects.
 */
public enum FlagKind {

	/** A complaint whose type became consultation after it was dispatched. */
	RECODED,
	/** A case returned (退单) by units at least twice. */
	BOUNCED,
	/** A reply too short, or missing most of the question's key terms. */
	WEAK_REPLY,
	/** One phone number answering the return visits of many cases. */
	VISIT_ONE_PHONE,
	/** A unit at 100% satisfaction while many of its callers come back. */
	VISIT_ALL_SATISFIED,
	/** Many return visits recorded by one person within minutes. */
	VISIT_BURST,
	/** Timeline entries recorded long after the time they claim. */
	BACKDATED;

	/** Flags about one case (the others are about a unit or a person over a period). */
	boolean aboutOneCase() {
		return this == RECODED || this == BOUNCED || this == WEAK_REPLY || this == BACKDATED;
	}

}
