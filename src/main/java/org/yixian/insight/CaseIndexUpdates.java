package org.yixian.insight;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
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
 * indexes nothing. No event publication is kept for this: a batch that fails goes back to
 * the queue and is tried again a second later, and what a crash loses,
 * {@link IndexMaintenance} indexes again at the next start. The indexing node then tells
 * the other nodes, which queue the same cases and index them from PostgreSQL.
 * <p>
 * The index's watermark comes from here ({@link #indexedThrough}): the newest timeline
 * entry at a moment when nothing was waiting to be indexed, so a failing batch, a queue
 * that lags under load, or cluster signals missed while this node's listening connection
 * was down (caught up from the mark of that moment) never let the watermark claim a
 * change the index has not taken in.
 */
@Component
class CaseIndexUpdates implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CaseIndexUpdates.class);

	private static final String SIGNAL = "insight-case";

	private static final int SIGNAL_IDS = 400;

	/** How long the marks of the last hour are kept, to catch up after a lost signal. */
	private static final long MARKS_MILLIS = 3_600_000;

	private final CaseIndex index;

	private final CaseTexts texts;

	private final ClusterSignals signals;

	private final IndexMaintenance maintenance;

	private final LinkedBlockingQueue<Long> pending = new LinkedBlockingQueue<>();

	/** Cases queued or being indexed: the index is caught up when this is 0. */
	private final AtomicLong inFlight = new AtomicLong();

	/** The last {@link #indexedThrough} taken while nothing was in flight. */
	private volatile long through;

	/** {when, mark} of the last hour, oldest first. */
	private final Deque<long[]> marks = new ArrayDeque<>();

	private final Thread worker;

	private volatile boolean running = true;

	CaseIndexUpdates(CaseIndex index, CaseTexts texts, ClusterSignals signals, IndexMaintenance maintenance) {
		this.index = index;
		this.maintenance = maintenance;
		this.texts = texts;
		this.signals = signals;
		index.watermarkFrom(this::indexedThrough);
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
	 * Cases another node indexed: index them here too. After the listening connection was
	 * lost ({@code RESYNC} with the time it was last heard), every case changed since the
	 * mark of that time is indexed again, and the watermark goes back to that mark until
	 * it is done.
	 */
	@EventListener
	void on(ClusterSignal signal) {
		if (SIGNAL.equals(signal.topic()) && !signal.local()) {
			List<Long> ids = new ArrayList<>();
			for (String id : signal.key().split(",")) {
				ids.add(Long.parseLong(id));
			}
			enqueue(ids);
		}
		else if (signal.resync() && !signal.key().isEmpty()) {
			long mark = markAt(Long.parseLong(signal.key()) - 2_000);
			if (mark < 0) {
				// lost before any mark this node remembers (an hour or more): the index
				// is built again, in pages, rather than every case queued one by one
				this.index.trust(false);
				log.warn("Cluster signals were lost for over an hour; the case index is rebuilt");
				Thread rebuild = new Thread(this.maintenance::rebuild, "insight-index-resync");
				rebuild.setDaemon(true);
				rebuild.start();
				return;
			}
			List<Long> missed = this.texts.changedAfterEvent(Math.max(0, mark - IndexMaintenance.WATERMARK_MARGIN));
			// queued before the watermark goes back: it cannot rise again until they
			// are in
			enqueue(missed);
			lowerTo(mark);
			this.index.lower(mark);
			log.info("Cluster signals were lost; {} cases changed since then are indexed again", missed.size());
		}
	}

	@SuppressWarnings("unchecked")
	private void afterCommit(long caseId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			enqueue(List.of(caseId));
			return;
		}
		Set<Long> ids = (Set<Long>) TransactionSynchronizationManager.getResource(this);
		if (ids == null) {
			Set<Long> noted = new LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(this, noted);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					enqueue(noted);
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

	private void enqueue(java.util.Collection<Long> ids) {
		// counted before they are queued, so that "nothing in flight" is never seen while
		// they are on their way
		this.inFlight.addAndGet(ids.size());
		this.pending.addAll(ids);
	}

	/**
	 * The newest timeline entry up to which every change has been indexed here (less the
	 * moment between a commit and its cases reaching the queue): read afresh while
	 * nothing is in flight, else the last one read so.
	 */
	long indexedThrough() {
		if (this.inFlight.get() == 0) {
			long latest = this.texts.latestEventId();
			if (this.inFlight.get() == 0) {
				remember(latest);
			}
		}
		return this.through;
	}

	private synchronized void remember(long mark) {
		long now = System.currentTimeMillis();
		this.through = Math.max(this.through, mark);
		if (this.marks.isEmpty() || now - this.marks.peekLast()[0] >= 1_000) {
			this.marks.addLast(new long[] { now, this.through });
		}
		while (!this.marks.isEmpty() && now - this.marks.peekFirst()[0] > MARKS_MILLIS) {
			this.marks.removeFirst();
		}
	}

	/**
	 * A mark every second, so that one is remembered from any moment of the last hour,
	 * also while nothing changes.
	 */
	@Scheduled(fixedDelay = 1_000)
	void sample() {
		indexedThrough();
	}

	/**
	 * The mark that held at a time, or -1 when none is remembered from then.
	 */
	private synchronized long markAt(long millis) {
		long mark = -1;
		for (long[] m : this.marks) {
			if (m[0] <= millis) {
				mark = m[1];
			}
		}
		return mark;
	}

	private synchronized void lowerTo(long mark) {
		this.through = Math.min(this.through, mark);
		this.marks.removeIf((m) -> m[1] > mark);
	}

	private void work() {
		List<Long> batch = new ArrayList<>();
		while (this.running) {
			Set<Long> ids;
			try {
				batch.add(this.pending.take());
				this.pending.drainTo(batch, SIGNAL_IDS - 1);
				ids = new LinkedHashSet<>(batch);
				for (Long id : ids) {
					this.texts.textOf(id).ifPresent(this.index::put);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return;
				}
				// not indexed: queued again (still in flight, so the watermark waits)
				log.warn("Indexing cases {} failed; trying again in a second", batch, ex);
				this.pending.addAll(batch);
				batch.clear();
				if (!pause()) {
					return;
				}
				continue;
			}
			this.inFlight.addAndGet(-batch.size());
			batch.clear();
			try {
				this.signals.send(SIGNAL, String.join(",", ids.stream().map(String::valueOf).toList()));
			}
			catch (RuntimeException ex) {
				log.warn("Could not tell the other nodes about cases {}", ids, ex);
			}
		}
	}

	private boolean pause() {
		try {
			Thread.sleep(1_000);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void destroy() {
		this.running = false;
		this.worker.interrupt();
	}

}
