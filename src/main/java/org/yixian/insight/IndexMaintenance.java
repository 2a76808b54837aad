package org.yixian.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * is rebuilt; otherwise the cases changed since the index was last saved are indexed
 * again, which covers a crash between a change and the next commit. A rebuild reads all
 * cases in id order in pages and can run while the application serves.
 */
@Component
class IndexMaintenance {

	static final int PAGE = 1000;

	/** Cases changed this long before the last save are indexed again at start. */
	static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(5);

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
	 * What the start found and did.
	 */
	String bringUpToDate() {
		String generation = databaseGeneration();
		Map<String, String> committed = this.index.committedData();
		if (!generation.equals(committed.get(CaseIndex.GENERATION))) {
			long cases = rebuild();
			return "rebuilt (" + cases + " cases)";
		}
		Instant saved = Instant.parse(committed.get(CaseIndex.COMMITTED_AT));
		List<Long> changed = this.texts
			.changedSince(OffsetDateTime.ofInstant(saved.minus(CATCH_UP_MARGIN), this.clock.getZone()));
		for (Long id : changed) {
			this.texts.textOf(id).ifPresent(this.index::put);
		}
		this.index.commit();
		return "up to date (" + changed.size() + " cases indexed again)";
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
		this.rebuildTotal = this.texts.count();
		this.rebuildDone.set(0);
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
		finally {
			this.index.finishBulk(generation);
			this.rebuildDone.set(-1);
		}
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
