package org.yixian.knowledge;

import java.time.OffsetDateTime;

/**
 * One saved version of an article: who saved it, when, and in which status.
 */
public record Revision(int version, String title, ArticleStatus status, String editedBy, String editedByName,
		OffsetDateTime editedAt) {

}
