package org.yixian.knowledge;

/**
 * Where an article stands: only published articles within their validity reach operators.
 */
public enum ArticleStatus {

	DRAFT, PUBLISHED, ARCHIVED

}
