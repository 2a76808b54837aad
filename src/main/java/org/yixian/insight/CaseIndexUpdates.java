package org.yixian.insight;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yixian.casework.CaseEvents;
import org.yixian.casework.CaseTexts;
import org.yixian.shared.ClusterSignal;
import org.yixian.shared.ClusterSignals;

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

	private final ClusterSignals signals;

	CaseIndexUpdates(CaseIndex index, CaseTexts texts, ClusterSignals signals) {
		this.index = index;
		this.texts = texts;
		this.signals = signals;
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
		this.signals.send(SIGNAL, Long.toString(caseId));
	}

	/**
	 * Each node keeps its own index; the node that handled a case's event tells the
	 * others, which index the case again from PostgreSQL.
	 */
	@EventListener
	void on(ClusterSignal signal) {
		if (SIGNAL.equals(signal.topic()) && !signal.local()) {
			this.texts.textOf(Long.parseLong(signal.key())).ifPresent(this.index::put);
		}
	}

	private static final String SIGNAL = "insight-case";

}
