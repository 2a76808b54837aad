package org.yixian.insight;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yixian.casework.CaseEvents;
import org.yixian.casework.CaseTexts;
import org.yixian.shared.ClusterSignal;
import org.yixian.shared.ClusterSignals;

/**
 * Keeps the case index current from the case core's events: a registered case is added, a
 * case that changed (status, units, merging) is indexed again.
 * <p>
 * The events are noted inside the transaction that published them, each case once however
 * many events it had (a registration that dispatches at once publishes three), and
 * indexed by one background thread after that transaction committed; a rolled-back change
 * indexes nothing. No event publication is kept for this: what a crash loses here,
 * {@link IndexMaintenance} indexes again at the next start (every case changed since the
 * index was last saved). The indexing node then tells the other nodes, which index the
 * same cases from PostgreSQL.
 */
@Component
class CaseIndexUpdates implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CaseIndexUpdates.class);

	private static final String SIGNAL = "insight-case";

	private static final int SIGNAL_IDS = 400;

	private final CaseIndex index;

	private final CaseTexts texts;

	private final ClusterSignals signals;

	private final LinkedBlockingQueue<Long> pending = new LinkedBlockingQueue<>();

	private final Thread worker;

	private volatile boolean running = true;

	CaseIndexUpdates(CaseIndex index, CaseTexts texts, ClusterSignals signals) {
		this.index = index;
		this.texts = texts;
		this.signals = signals;
		this.worker = new Thread(this::work, "case-index-updates");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	@EventListener
	void on(CaseEvents.Registered event) {
		afterCommit(event.caseId());
	}

	@EventListener
	void on(CaseEvents.Transitioned event) {
		afterCommit(event.caseId());
	}

	@EventListener
	void on(CaseEvents.Assigned event) {
		afterCommit(event.caseId());
	}

	/**
	 * Cases another node indexed: index them here too.
	 */
	@EventListener
	void on(ClusterSignal signal) {
		if (SIGNAL.equals(signal.topic()) && !signal.local()) {
			for (String id : signal.key().split(",")) {
				this.texts.textOf(Long.parseLong(id)).ifPresent(this.index::put);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private void afterCommit(long caseId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.pending.add(caseId);
			return;
		}
		Set<Long> ids = (Set<Long>) TransactionSynchronizationManager.getResource(this);
		if (ids == null) {
			Set<Long> noted = new LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(this, noted);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					CaseIndexUpdates.this.pending.addAll(noted);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(CaseIndexUpdates.this);
				}
			});
			ids = noted;
		}
		ids.add(caseId);
	}

	private void work() {
		List<Long> batch = new ArrayList<>();
		while (this.running) {
			try {
				batch.add(this.pending.take());
				this.pending.drainTo(batch, SIGNAL_IDS - 1);
				Set<Long> ids = new LinkedHashSet<>(batch);
				for (Long id : ids) {
					this.texts.textOf(id).ifPresent(this.index::put);
				}
				this.signals.send(SIGNAL, String.join(",", ids.stream().map(String::valueOf).toList()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (this.running) {
					log.warn("Indexing cases {} failed; they are indexed again at the next start", batch, ex);
				}
			}
			batch.clear();
		}
	}

	@Override
	public void destroy() {
		this.running = false;
		this.worker.interrupt();
	}

}
