package org.yixian.frontline;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yixian.shared.ContentWords;

/**
 * The key terms of citizens' free-text answers: each answer's content words
 * ({@link ContentWords}, smartcn), counted once per answer that uses them, most frequent
 * first.
 */
final class KeyTerms {

	private KeyTerms() {
	}

	static List<Term> of(List<String> texts, int limit) {
		Map<String, Integer> counts = new HashMap<>();
		for (String text : texts) {
			for (String word : words(text)) {
				counts.merge(word, 1, Integer::sum);
			}
		}
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(limit)
			.map((e) -> new Term(e.getKey(), e.getValue()))
			.toList();
	}

	/**
	 * The distinct content words of one text.
	 */
	static Set<String> words(String text) {
		return ContentWords.of(text);
	}

	/**
	 * A term and the number of answers that use it.
	 */
	record Term(String term, int count) {
	}

}
