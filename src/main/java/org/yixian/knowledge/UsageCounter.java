package org.yixian.knowledge;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yixian.casework.CaseEvents;

/**
 * Counts the cases answered with an article: the case core records "用此答复" on the closing
 * timeline entry ({@code knowledgeArticleId}, {@code knowledgeArticleVersion}), and this
 * listener keeps one use per case.
 */
@Component
class UsageCounter {

	static final String ARTICLE = "knowledgeArticleId";

	static final String VERSION = "knowledgeArticleVersion";

	private final KnowledgeBase knowledge;

	UsageCounter(KnowledgeBase knowledge) {
		this.knowledge = knowledge;
	}

	@EventListener
	void on(CaseEvents.Transitioned event) {
		if (event.payload() != null && event.payload().get(ARTICLE) instanceof Number article
				&& event.payload().get(VERSION) instanceof Number version) {
			this.knowledge.recordUse(event.caseId(), article.longValue(), version.intValue(), event.at());
		}
	}

}
