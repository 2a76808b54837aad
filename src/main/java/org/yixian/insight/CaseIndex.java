package org.yixian.insight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yixian.casework.CaseTexts;
import org.yixian.catalog.Categories;
import org.yixian.catalog.Category;

/**
 * The Lucene index of cases on disk ({@code <data-dir>/index}): one writer,
 * near-real-time searchers refreshed after each change, and a commit every few seconds
 * that records the generation of the database it mirrors and when it was saved. The index
 * is derived data: PostgreSQL holds every case, and {@link IndexMaintenance} rebuilds or
 * catches up from it.
 */
@Component
class CaseIndex implements DisposableBean {

	static final String GENERATION = "generation";

	/**
	 * What the documents hold, saved with each commit of a complete build: an index of an
	 * older schema is rebuilt at start (in the background), its last view serving Chinese
	 * text until then. 2: Latin and digit trigrams for the lists' text filter.
	 */
	static final String SCHEMA = "schema";

	static final String CURRENT_SCHEMA = "2";

	private volatile String schema;

	/**
	 * Whether the searchers' view holds the Latin trigrams (schema 2): an index of an
	 * older schema serves Chinese text while it is rebuilt.
	 */
	private volatile boolean latinView;

	static final String COMMITTED_AT = "committedAt";

	/**
	 * The timeline entry up to which every change was indexed when the index was saved.
	 */
	static final String EVENT_ID = "eventId";

	private volatile java.util.function.LongSupplier watermark;

	/**
	 * While true, commits write {@link #held} as the watermark instead of the live one:
	 * from the start until the start's catch-up or rebuild has finished, so that a commit
	 * in between never claims entries the index has not seen.
	 */
	private volatile boolean holding = true;

	/** The watermark commits write while holding; the last one written otherwise. */
	private volatile Long held;

	private static final Logger log = LoggerFactory.getLogger(CaseIndex.class);

	private final Path directoryPath;

	private final FSDirectory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final UserDictionary dictionary;

	private final Categories categories;

	private final Clock clock;

	private final AtomicBoolean dirty = new AtomicBoolean();

	/** Guards refreshing the searchers' view against a rebuild starting. */
	private final Object views = new Object();

	private volatile boolean bulk;

	private volatile String generation;

	/**
	 * Whether the index is known to be of this database (its generation checked at the
	 * start, or rebuilt since): only then may searches rely on it.
	 */
	private volatile boolean trusted;

	CaseIndex(@Value("${yixian.insight.index-dir:${yixian.data-dir:./data}/index}") Path directoryPath,
			UserDictionary dictionary, Categories categories, Clock clock) throws IOException {
		this.directoryPath = directoryPath.toAbsolutePath();
		this.dictionary = dictionary;
		this.categories = categories;
		this.clock = clock;
		Files.createDirectories(this.directoryPath);
		this.directory = FSDirectory.open(this.directoryPath);
		IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer());
		config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
		config.setRAMBufferSizeMB(64);
		// a half-built index is never saved by closing: destroy() commits only outside
		// a rebuild
		config.setCommitOnClose(false);
		this.writer = new IndexWriter(this.directory, config);
		this.searchers = new SearcherManager(this.writer, null);
		this.generation = committedData().get(GENERATION);
		this.schema = committedData().get(SCHEMA);
		this.latinView = CURRENT_SCHEMA.equals(this.schema);
		String saved = committedData().get(EVENT_ID);
		this.held = (saved != null) ? Long.valueOf(saved) : null;
	}

	Path path() {
		return this.directoryPath;
	}

	/**
	 * Where each commit reads its watermark from
	 * ({@link CaseIndexUpdates#indexedThrough}).
	 */
	void watermarkFrom(java.util.function.LongSupplier events) {
		this.watermark = events;
	}

	/**
	 * Commits write this watermark (null: none) until {@link #release}.
	 */
	void hold(Long eventId) {
		this.held = eventId;
		this.holding = true;
	}

	/**
	 * Commits write the live watermark again.
	 */
	void release() {
		this.holding = false;
	}

	/**
	 * What the last commit recorded (generation, time).
	 */
	Map<String, String> committedData() {
		try {
			if (!DirectoryReader.indexExists(this.directory)) {
				return Map.of();
			}
			Map<String, String> data = new HashMap<>();
			this.writer.getLiveCommitData().forEach((e) -> data.put(e.getKey(), e.getValue()));
			return data;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void put(CaseTexts.CaseText text) {
		try {
			this.writer.updateDocument(new Term(CaseDocument.KEY, Long.toString(text.id())), document(text));
			this.dirty.set(true);
			synchronized (this.views) {
				// never refreshed once a rebuild has emptied the writer: searchers keep
				// the last complete view until the rebuild is done
				if (!this.bulk) {
					this.searchers.maybeRefresh();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Document document(CaseTexts.CaseText text) {
		String parent = (text.categoryCode() != null)
				? this.categories.findByCode(text.categoryCode()).map(Category::parentCode).orElse(null) : null;
		return CaseDocument.of(text, this.dictionary.segmenter(), parent);
	}

	void putAll(List<CaseTexts.CaseText> texts) {
		texts.forEach(this::put);
	}

	/**
	 * Starts a rebuild: every document goes, nothing is shown to searchers until
	 * {@link #finishBulk} (they keep the last view).
	 */
	void startBulk() {
		try {
			synchronized (this.views) {
				this.bulk = true;
			}
			this.writer.deleteAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void finishBulk(String generation) {
		this.bulk = false;
		this.generation = generation;
		this.schema = (generation != null) ? CURRENT_SCHEMA : null;
		commit();
		// only now do searchers see the rebuilt documents
		this.latinView = generation != null;
	}

	/**
	 * Takes the watermark back to a mark at most (changes above it are being indexed
	 * again).
	 */
	synchronized void lower(long mark) {
		if (this.held != null && this.held > mark) {
			this.held = mark;
		}
	}

	void trust(boolean trusted) {
		this.trusted = trusted;
	}

	/**
	 * The timeline entry up to which the searchers' view has seen every change, or null
	 * when it cannot be relied on: not checked against the database, or never saved with
	 * a watermark. During a rebuild the searchers keep the last complete view and commits
	 * stop, so this stays the watermark of that view.
	 */
	Long seenThrough() {
		return this.trusted ? this.held : null;
	}

	boolean latinView() {
		return this.latinView;
	}

	boolean inBulk() {
		return this.bulk;
	}

	void setGeneration(String generation) {
		this.generation = generation;
		this.dirty.set(true);
	}

	@Scheduled(fixedDelayString = "${yixian.insight.index-commit:2s}")
	void commitIfChanged() {
		if (!this.bulk && this.dirty.get()) {
			commit();
		}
	}

	synchronized void commit() {
		try {
			this.dirty.set(false);
			Map<String, String> data = new HashMap<>();
			if (this.schema != null) {
				data.put(SCHEMA, this.schema);
			}
			if (this.generation != null) {
				data.put(GENERATION, this.generation);
			}
			data.put(COMMITTED_AT, Instant.now(this.clock).toString());
			Long mark = this.held;
			java.util.function.LongSupplier events = this.watermark;
			if (!this.holding && events != null) {
				try {
					mark = events.getAsLong();
					this.held = mark;
				}
				catch (RuntimeException ex) {
					// the last watermark written is older, so still safe
				}
			}
			if (mark != null) {
				data.put(EVENT_ID, Long.toString(mark));
			}
			this.writer.setLiveCommitData(data.entrySet());
			this.writer.commit();
			this.searchers.maybeRefresh();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs a search on the current view of the index.
	 */
	<T> T search(SearchFunction<T> function) {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return function.apply(searcher);
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int size() {
		return search((s) -> s.getIndexReader().numDocs());
	}

	long bytesOnDisk() {
		try (var files = Files.list(this.directoryPath)) {
			return files.mapToLong((f) -> f.toFile().length()).sum();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	@Override
	public void destroy() throws IOException {
		try {
			if (this.dirty.get() && !this.bulk) {
				commit();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not save the case index on shutdown: {}", ex.getMessage());
		}
		this.searchers.close();
		this.writer.close();
		this.directory.close();
	}

	/**
	 * A search against one searcher.
	 */
	@FunctionalInterface
	interface SearchFunction<T> {

		T apply(IndexSearcher searcher) throws IOException;

	}

}
