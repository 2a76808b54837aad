package org.yixian.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Vectors for a batch of texts whose idf comes from the batch itself (the commands, and
 * tests): each text is segmented once (in parallel), document frequencies are counted,
 * then each text becomes a {@link TermVector}.
 */
final class BatchVectors {

	private BatchVectors() {
	}

	static List<Clusterer.Item> items(List<Text> texts, Segmenter segmenter) {
		List<List<String>> words = texts.parallelStream().map((t) -> CaseDocument.words(segmenter, t.text())).toList();
		List<List<String>> grams = texts.parallelStream().map((t) -> Grams.bigrams(t.text())).toList();
		Map<String, Integer> df = new HashMap<>();
		for (int k = 0; k < texts.size(); k++) {
			List<String> w = words.get(k);
			List<String> g = grams.get(k);
			for (String term : new HashSet<>(w)) {
				df.merge(term, 1, Integer::sum);
			}
			for (String gram : new HashSet<>(g)) {
				df.merge("#" + gram, 1, Integer::sum);
			}
		}
		int n = texts.size();
		List<Clusterer.Item> items = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			Text text = texts.get(i);
			TermVector vector = TermVector.of(words.get(i), grams.get(i),
					(term) -> Math.log((1.0 + n) / (1.0 + df.getOrDefault(term, 0))));
			items.add(new Clusterer.Item(text.id(), vector, text.category(), text.place(), text.day()));
		}
		return items;
	}

	/**
	 * A text with what the clustering may also use.
	 */
	record Text(long id, String text, String category, String place, long day) {
	}

}
