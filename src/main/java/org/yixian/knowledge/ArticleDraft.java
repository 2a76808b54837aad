package org.yixian.knowledge;

import java.time.LocalDate;

/**
 * An article as someone wants it saved: the command of both the edit page and the API.
 * {@code ownerUnitCode} names the unit whose administrators keep it (blank: the editor's
 * own unit).
 */
public record ArticleDraft(String title, String keywords, String answer, String categoryCode,
		String responsibleUnitCode, String ownerUnitCode, LocalDate validFrom, LocalDate validUntil,
		ArticleStatus status) {

}
