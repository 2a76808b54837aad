package org.yixian.knowledge;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.casework.AnswerSources;
import org.yixian.shared.TimeDisplay;

/**
 * Tells the intake whether an answer may name an article as its source: the article is
 * published and valid today, and the version named is one it has had (an operator may
 * have taken the answer a moment before an editor saved a newer version).
 */
@Component
class KnowledgeAnswerSources implements AnswerSources {

	private final ArticleStore store;

	private final Clock clock;

	private final TimeDisplay times;

	KnowledgeAnswerSources(ArticleStore store, Clock clock, TimeDisplay times) {
		this.store = store;
		this.clock = clock;
		this.times = times;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean current(long articleId, int version) {
		ArticleStore.Visibility today = new ArticleStore.Visibility(
				LocalDate.now(this.clock.withZone(this.times.zone())), new Long[0]);
		return this.store.find(articleId)
			.filter(today::isCurrent)
			.filter((row) -> version >= 1 && version <= row.version())
			.isPresent();
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Optional<String> title(long articleId) {
		// only what the hints could have offered: a draft's or an expired article's title
		// is not told to whoever posts its id
		ArticleStore.Visibility today = new ArticleStore.Visibility(
				LocalDate.now(this.clock.withZone(this.times.zone())), new Long[0]);
		return this.store.find(articleId).filter(today::isCurrent).map(ArticleStore.Row::title);
	}

}
