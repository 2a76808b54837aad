package org.yixian.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

import org.springframework.stereotype.Component;
import org.yixian.casework.TextCandidates;

/**
 * The lists' free-text candidates from the case index: a text that contains the typed
 * words contains each run of two or more Chinese characters in them, and the index holds
 * every case's overlapping character bigrams with their positions, so a phrase of a run's
 * bigrams finds every case that may contain it — and, as the bigrams must follow each
 * other, few others. The lists check the exact text afterwards.
 */
@Component
class IndexedTextCandidates implements TextCandidates {

	/**
	 * Timeline entries below the index's watermark whose cases count as unseen: the
	 * moment between a commit and its cases reaching the index's queue, which the
	 * watermark (taken while nothing is queued, see
	 * {@link CaseIndexUpdates#indexedThrough}) cannot see.
	 */
	static final long SEARCH_MARGIN = 2_000;

	/**
	 * Runs of a long text beyond this are not asked for: fewer required runs still find
	 * every case that contains them all.
	 */
	private static final int MAX_RUNS = 32;

	private static final Set<String> ID_ONLY = Set.of(CaseDocument.ID);

	private final CaseIndex index;

	IndexedTextCandidates(CaseIndex index) {
		this.index = index;
	}

	@Override
	public Optional<Candidates> containing(String text, int limit) {
		Long seen = this.index.seenThrough();
		if (seen == null) {
			return Optional.empty();
		}
		Query query = query(text, this.index.latinView());
		if (query == null) {
			return Optional.empty();
		}
		long[] ids = this.index.search((searcher) -> {
			Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
			List<Long> found = new ArrayList<>();
			for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
				Scorer scorer = weight.scorer(leaf);
				if (scorer == null) {
					continue;
				}
				Bits live = leaf.reader().getLiveDocs();
				StoredFields fields = leaf.reader().storedFields();
				DocIdSetIterator docs = scorer.iterator();
				for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
					if (live != null && !live.get(doc)) {
						continue;
					}
					if (found.size() >= limit) {
						return null;
					}
					found.add(fields.document(doc, ID_ONLY).getField(CaseDocument.ID).numericValue().longValue());
				}
			}
			return found.stream().mapToLong(Long::longValue).toArray();
		});
		return (ids != null) ? Optional.of(new Candidates(ids, Math.max(0, seen - SEARCH_MARGIN))) : Optional.empty();
	}

	/**
	 * Every run of two or more Chinese characters in the text as a phrase of its bigrams,
	 * and every run of three or more Latin letters and digits as a phrase of its trigrams
	 * (when the index holds them), all required; null when the text has no such run.
	 */
	static Query query(String text, boolean latin) {
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		int clauses = 0;
		for (Grams.Run run : Grams.runs(TextNormalizer.normalize(text))) {
			if (clauses == MAX_RUNS) {
				break;
			}
			// too short, or Latin in an index that does not hold its trigrams yet: fewer
			// required runs still find every case that has them all
			List<String> pieces = (run.han() || latin) ? Grams.pieces(run.text(), run.han() ? 2 : 3) : List.of();
			if (pieces.isEmpty()) {
				continue;
			}
			String field = run.han() ? CaseDocument.GRAMS : CaseDocument.LATIN;
			PhraseQuery.Builder phrase = new PhraseQuery.Builder();
			for (int k = 0; k < pieces.size(); k++) {
				phrase.add(new Term(field, pieces.get(k)), k);
			}
			PhraseQuery built = phrase.build();
			all.add((built.getTerms().length == 1) ? new TermQuery(built.getTerms()[0]) : built,
					BooleanClause.Occur.FILTER);
			clauses++;
		}
		return (clauses == 0) ? null : new ConstantScoreQuery(all.build());
	}

}
