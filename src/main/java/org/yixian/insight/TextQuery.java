package org.yixian.insight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.SmallFloat;

/**
 * "More like this" for one text: its most telling words and bigrams (term frequency times
 * inverse document frequency in the index) as a disjunction scored by BM25, and the score
 * the text itself would get ({@link #selfScore}), computed from the same statistics, so
 * that a hit's score divided by it is a text similarity between 0 and about 1 whether the
 * text is an indexed case or a draft being typed.
 */
final class TextQuery {

	static final int MAX_WORDS = 30;

	static final int MAX_GRAMS = 50;

	private static final float K1 = 1.2f;

	private static final float B = 0.75f;

	private final Query query;

	private final double selfScore;

	private TextQuery(Query query, double selfScore) {
		this.query = query;
		this.selfScore = selfScore;
	}

	static TextQuery of(IndexSearcher searcher, List<String> words, List<String> grams) throws IOException {
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		double self = add(searcher, CaseDocument.WORDS, words, MAX_WORDS, builder)
				+ add(searcher, CaseDocument.GRAMS, grams, MAX_GRAMS, builder);
		return new TextQuery(builder.build(), self);
	}

	Query query() {
		return this.query;
	}

	double selfScore() {
		return this.selfScore;
	}

	/**
	 * A hit's score as a similarity to the text.
	 */
	double similarity(float score) {
		return (this.selfScore <= 0) ? 0 : Math.min(1.0, score / this.selfScore);
	}

	private static double add(IndexSearcher searcher, String field, List<String> tokens, int max,
			BooleanQuery.Builder builder) throws IOException {
		CollectionStatistics stats = searcher.collectionStatistics(field);
		if (stats == null || tokens.isEmpty()) {
			return 0;
		}
		Map<String, Integer> tf = new HashMap<>();
		tokens.forEach((t) -> tf.merge(t, 1, Integer::sum));
		long docCount = stats.docCount();
		double avgdl = (double) stats.sumTotalTermFreq() / docCount;
		int dl = SmallFloat.byte4ToInt(SmallFloat.intToByte4(tokens.size()));
		List<Weighted> weighted = new ArrayList<>();
		for (Map.Entry<String, Integer> e : tf.entrySet()) {
			int df = searcher.getIndexReader().docFreq(new Term(field, e.getKey()));
			if (df == 0) {
				continue;
			}
			double idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
			weighted.add(new Weighted(e.getKey(), e.getValue(), idf));
		}
		weighted.sort(Comparator.comparingDouble((Weighted w) -> -w.idf * (1 + Math.log(w.tf))));
		double self = 0;
		for (Weighted w : weighted.subList(0, Math.min(max, weighted.size()))) {
			float boost = (float) (1 + Math.log(w.tf));
			builder.add(new BoostQuery(new TermQuery(new Term(field, w.term)), boost), BooleanClause.Occur.SHOULD);
			self += boost * w.idf * w.tf / (w.tf + K1 * (1 - B + B * dl / avgdl));
		}
		return self;
	}

	private record Weighted(String term, int tf, double idf) {
	}

}
