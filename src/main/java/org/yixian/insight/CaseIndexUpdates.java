package org.yixian.insight;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yixian.casework.CaseEvents;
import org.yixian.casework.CaseTexts;

/**
 * Keeps the case index current from the case core's events: a registered case is added, a
 * case that changed (status, units, merging) is indexed again. Each event is handled
 * after its transaction committed and retried from the event publication registry if this
 * fails.
 */
@Component
class CaseIndexUpdates {

	private final CaseIndex index;

	private final CaseTexts texts;

	CaseIndexUpdates(CaseIndex index, CaseTexts texts) {
		this.index = index;
		this.texts = texts;
	}

	@ApplicationModuleListener
	void on(CaseEvents.Registered event) {
		reindex(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseEvents.Transitioned event) {
		reindex(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseEvents.Assigned event) {
		reindex(event.caseId());
	}

	private void reindex(long caseId) {
		this.texts.textOf(caseId).ifPresent(this.index::put);
	}

}
