package org.yixian.casework;

import java.util.Optional;

/**
 * Where the lists' free-text filter finds its candidates without reading every case: the
 * insight module's index of case texts answers it. A {@code like '%…%'} over titles and
 * contents has no index, so at ten million cases a word that matches nothing read the
 * whole table (50–60 s); with candidates the database checks the exact text of a few
 * cases only.
 */
public interface TextCandidates {

	/**
	 * The cases whose title or content may contain the text, as far as the index has seen
	 * the timeline: a superset, which the lists then check exactly.
	 * @param text what the person typed
	 * @param limit more matches than this are not worth listing (the answer is empty)
	 * @return empty when the index cannot tell: the text has no run of two Chinese
	 * characters, the index is not known to be of this database, or more than
	 * {@code limit} cases match
	 */
	Optional<Candidates> containing(String text, int limit);

	/**
	 * Candidate case ids, and the timeline entry up to which the index has seen every
	 * change: cases changed by later entries are candidates too.
	 */
	record Candidates(long[] caseIds, long seenThroughEventId) {
	}

}
