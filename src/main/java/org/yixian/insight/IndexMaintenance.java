package org.yixian.insight;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yixian.casework.CaseTexts;

/**
 * Keeps the index a faithful copy of PostgreSQL's cases. At start: an index of another
 * database (the generation in {@code insight_index_state} differs, or the index is new)
 * is rebuilt; otherwise the cases with timeline entries above the saved watermark (less a
 * margin) are indexed again, which covers a crash between a change and the next commit. A
 * rebuild reads all cases in id order in pages and can run while the application serves.
 */
@Component
class IndexMaintenance {

	static final int PAGE = 1000;

	private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);

	private final CaseIndex index;

	private final CaseTexts texts;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicLong rebuildDone = new AtomicLong(-1);

	private volatile long rebuildTotal;

	IndexMaintenance(CaseIndex index, CaseTexts texts, JdbcClient jdbc, Clock clock) {
		this.index = index;
		this.texts = texts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * What a start has to do to bring the index up to date.
	 *
	 * @param rebuild whether the whole index is built again (another database, or none)
	 * @param work how many cases (a rebuild) or timeline entries (a catch-up) that
	 * concerns, counted up to {@link #LARGE}
	 * @param since the watermark to catch up from, or null when none was saved (a
	 * rebuild)
	 */
	record Plan(boolean rebuild, long work, Long since) {

		boolean large() {
			return this.work >= LARGE;
		}

	}

	/**
	 * From this much work on, a start brings the index up to date in the background (and
	 * a catch-up becomes a rebuild, which reads cases in pages instead of one by one).
	 */
	static final long LARGE = 20_000;

	/**
	 * Timeline entries below the saved watermark that are caught up again: entries of
	 * transactions that were still open, or whose listeners had not run, at the save.
	 */
	static final long WATERMARK_MARGIN = 5_000;

	Plan plan() {
		Map<String, String> committed = this.index.committedData();
		if (!trustIfCurrent() || !CaseIndex.CURRENT_SCHEMA.equals(committed.get(CaseIndex.SCHEMA))) {
			// another database, none, or documents of an older schema (searches use
			// what the old ones hold until the rebuild is done)
			return new Plan(true, Math.min(this.texts.count(), LARGE), null);
		}
		String saved = committed.get(CaseIndex.EVENT_ID);
		if (saved == null) {
			// an index saved before watermarks: rebuilt once, in the background
			return new Plan(false, LARGE, null);
		}
		long mark = Long.parseLong(saved);
		return new Plan(false, this.texts.eventsAfter(mark, LARGE), Math.max(0, mark - WATERMARK_MARGIN));
	}

	/**
	 * Lets searches rely on the index when it is of this database: a start that brings it
	 * up to date calls this through {@link #plan}, one that skips that
	 * ({@code yixian.insight.start-catch-up=off}) directly. Searches then treat the cases
	 * changed above the saved watermark as unseen.
	 * @return whether the index is of this database
	 */
	boolean trustIfCurrent() {
		boolean current = databaseGeneration().equals(this.index.committedData().get(CaseIndex.GENERATION));
		this.index.trust(current);
		return current;
	}

	/**
	 * Carries out a start's plan: what it found and did.
	 */
	String bringUpToDate(Plan plan) {
		if (plan.rebuild() || plan.large() || plan.since() == null) {
			long cases = rebuild();
			return "rebuilt (" + cases + " cases)";
		}
		long mark = this.texts.latestEventId();
		int changed = catchUp(plan.since());
		this.index.hold(mark);
		this.index.commit();
		this.index.release();
		return "up to date (" + changed + " cases indexed again)";
	}

	private int catchUp(long sinceEventId) {
		List<Long> changed = this.texts.changedAfterEvent(sinceEventId);
		for (Long id : changed) {
			this.texts.textOf(id).ifPresent(this.index::put);
		}
		return changed.size();
	}

	/**
	 * The database's generation, created with the first index.
	 */
	String databaseGeneration() {
		return this.jdbc.sql("select generation from insight_index_state where id = 1")
			.query(String.class)
			.optional()
			.orElseGet(() -> {
				String fresh = UUID.randomUUID().toString();
				this.jdbc.sql("insert into insight_index_state (id, generation) values (1, ?) on conflict do nothing")
					.param(fresh)
					.update();
				return this.jdbc.sql("select generation from insight_index_state where id = 1")
					.query(String.class)
					.single();
			});
	}

	/**
	 * Indexes every case again from PostgreSQL.
	 * @return the number of cases indexed
	 */
	synchronized long rebuild() {
		String generation = databaseGeneration();
		long started = System.nanoTime();
		// entries up to here are in the cases the rebuild reads; later ones are caught
		// up after
		long mark = this.texts.latestEventId();
		this.rebuildTotal = this.texts.count();
		this.rebuildDone.set(0);
		// a trusted index stays trusted: its searchers keep the last complete view
		this.index.startBulk();
		long done = 0;
		try {
			long last = 0;
			while (true) {
				List<CaseTexts.CaseText> page = this.texts.after(last, PAGE);
				if (page.isEmpty()) {
					break;
				}
				this.index.putAll(page);
				last = page.get(page.size() - 1).id();
				done += page.size();
				this.rebuildDone.set(done);
			}
		}
		catch (RuntimeException ex) {
			// a partial index is saved without a generation and a watermark: the next
			// start rebuilds it
			this.index.trust(false);
			this.index.hold(null);
			this.index.finishBulk(null);
			this.rebuildDone.set(-1);
			throw ex;
		}
		this.index.hold(mark);
		this.index.finishBulk(generation);
		this.index.trust(true);
		this.rebuildDone.set(-1);
		// a change indexed live while its page was read may have been overwritten by the
		// page's older text: the cases changed since the rebuild began are indexed again
		catchUp(Math.max(0, mark - WATERMARK_MARGIN));
		this.index.commit();
		this.index.release();
		this.jdbc.sql("update insight_index_state set rebuilt_at = ?, cases = ? where id = 1")
			.params(OffsetDateTime.now(this.clock), done)
			.update();
		log.info("Case index rebuilt: {} cases in {} s ({})", done, (System.nanoTime() - started) / 1_000_000_000,
				this.index.path());
		return done;
	}

	/**
	 * A rebuild's progress as {done, total}, or null when none runs.
	 */
	long[] progress() {
		long done = this.rebuildDone.get();
		return (done < 0) ? null : new long[] { done, this.rebuildTotal };
	}

}
