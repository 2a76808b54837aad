package org.yixian.insight;

import java.util.List;

/**
 * A case like another one, with the score that ranked it (0 to 1) and why: the same
 * caller, the same place, the same category, similar text, received near in time.
 */
public record SimilarCase(long id, String number, String title, String status, double score, double textSimilarity,
		List<Reason> reasons) {

	/**
	 * Why two cases look alike.
	 */
	public enum Reason {

		SAME_CALLER, SAME_PLACE, SAME_CATEGORY, SIMILAR_TEXT, RECENT

	}

}
