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

	TermVector of(CaseTexts.CaseText text) {
		return of(List.of(text)).get(0);
	}

	List<TermVector> of(List<CaseTexts.CaseText> texts) {
		Segmenter segmenter = this.dictionary.segmenter();
		List<List<String>> words = texts.parallelStream()
			.map((t) -> CaseDocument.words(segmenter, t.title() + "\n" + t.title() + "\n" + t.content()))
			.toList();
		return this.index.search((searcher) -> {
			IndexReader reader = searcher.getIndexReader();
			double n = Math.max(1, reader.numDocs());
			Map<String, Double> idf = new HashMap<>();
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
