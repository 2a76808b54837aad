package org.yixian.insight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

import org.springframework.stereotype.Component;
import org.yixian.casework.CaseTexts;

/**
 * Cases as {@link TermVector}s for problem classes, with idf from the case index (every
 * case of the installation), so that a case's vector means the same at intake as in the
 * nightly clustering.
 */
@Component
class ClassVectors {

	private final CaseIndex index;

	private final UserDictionary dictionary;

	ClassVectors(CaseIndex index, UserDictionary dictionary) {
		this.index = index;
		this.dictionary = dictionary;
	}

	/**
	 * One case at intake. The idf of its terms comes from a table shared by the cases of
	 * the last {@value #ONLINE_IDF_SECONDS} seconds: looking each term up in every
	 * segment of the index was most of the CPU an intake cost (see docs/performance.md),
	 * and one more case hardly moves an idf.
	 */
	TermVector of(CaseTexts.CaseText text) {
		long now = System.nanoTime();
		if (now - this.onlineSince > ONLINE_IDF_SECONDS * 1_000_000_000L || this.onlineIdf.size() > 200_000) {
			this.onlineIdf = new java.util.concurrent.ConcurrentHashMap<>();
			this.onlineSince = now;
		}
		return of(List.of(text), this.onlineIdf).get(0);
	}

	static final int ONLINE_IDF_SECONDS = 60;

	private volatile Map<String, Double> onlineIdf = new java.util.concurrent.ConcurrentHashMap<>();

	private volatile long onlineSince = System.nanoTime();

	List<TermVector> of(List<CaseTexts.CaseText> texts) {
		return of(texts, new HashMap<>());
	}

	private List<TermVector> of(List<CaseTexts.CaseText> texts, Map<String, Double> idf) {
		Segmenter segmenter = this.dictionary.segmenter();
		List<List<String>> words = texts.parallelStream()
			.map((t) -> CaseDocument.words(segmenter, t.title(), t.title(), t.content()))
			.toList();
		return this.index.search((searcher) -> {
			IndexReader reader = searcher.getIndexReader();
			double n = Math.max(1, reader.numDocs());
			List<TermVector> vectors = new java.util.ArrayList<>(texts.size());
			for (int i = 0; i < texts.size(); i++) {
				CaseTexts.CaseText text = texts.get(i);
				List<String> grams = Grams.bigrams(text.title() + "\n" + text.content());
				vectors.add(TermVector.of(words.get(i), grams, (term) -> idf.computeIfAbsent(term, (t) -> {
					try {
						int df = (t.charAt(0) == '#') ? reader.docFreq(new Term(CaseDocument.GRAMS, t.substring(1)))
								: reader.docFreq(new Term(CaseDocument.WORDS, t));
						return Math.log((1.0 + n) / (1.0 + df));
					}
					catch (java.io.IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				})));
			}
			return vectors;
		});
	}

}
