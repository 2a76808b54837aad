package org.yixian.casework;

/**
 * What an answer may name as its source ({@link NewCase.AnswerSource}): implemented by
 * the module that keeps the articles, so that a case's hash-chained history never records
 * an article that does not exist, is not current, or at a version it never had.
 */
public interface AnswerSources {

	/**
	 * Whether the article is published and valid today and has had this version.
	 */
	boolean current(long articleId, int version);

	/**
	 * The article's title, to name it again on a form shown back to the operator.
	 */
	default java.util.Optional<String> title(long articleId) {
		return java.util.Optional.empty();
	}

}
