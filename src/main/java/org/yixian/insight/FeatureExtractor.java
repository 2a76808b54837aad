package org.yixian.insight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features of a text for the classifier and for clustering, each counted: words
 * ({@code w:}), adjacent word pairs ({@code b:}) and character n-grams ({@code c:}) of
 * the text's word characters, digits folded to {@code 0}. Character n-grams catch what
 * segmentation misses (new words, names, typos); words make the model's reasons readable.
 */
final class FeatureExtractor {

	static final char WORD = 'w';

	static final char PAIR = 'b';

	static final char CHARS = 'c';

	static final char HEAD = 'h';

	private final Segmenter segmenter;

	private final int minGram;

	private final int maxGram;

	private final boolean pairs;

	private final int head;

	FeatureExtractor(Segmenter segmenter, int minGram, int maxGram, boolean pairs, int head) {
		this.segmenter = segmenter;
		this.minGram = minGram;
		this.maxGram = maxGram;
		this.pairs = pairs;
		this.head = head;
	}

	/**
	 * The configuration that cross-validation chose (docs/insight.md).
	 */
	static FeatureExtractor standard(Segmenter segmenter) {
		return new FeatureExtractor(segmenter, 1, 3, true, 0);
	}

	Segmenter segmenter() {
		return this.segmenter;
	}

	Map<String, Integer> counts(String text) {
		String normal = TextNormalizer.normalize(text);
		Map<String, Integer> counts = new HashMap<>();
		List<Segmenter.Word> words = this.segmenter.wordsOfNormal(normal);
		String previous = null;
		for (Segmenter.Word word : words) {
			counts.merge(WORD + ":" + word.text(), 1, Integer::sum);
			if (this.pairs && previous != null) {
				counts.merge(PAIR + ":" + previous + " " + word.text(), 1, Integer::sum);
			}
			previous = word.text();
		}
		if (this.maxGram > 0) {
			StringBuilder compact = new StringBuilder(normal.length());
			for (int i = 0; i < normal.length(); i++) {
				char c = normal.charAt(i);
				if (TextNormalizer.isWordChar(c)) {
					compact.append(Character.isDigit(c) ? '0' : c);
				}
				else if (compact.length() > 0 && compact.charAt(compact.length() - 1) != '|') {
					compact.append('|');
				}
			}
			grams(compact, counts, CHARS);
			if (this.head > 0) {
				grams(compact.subSequence(0, Math.min(this.head, compact.length())), counts, HEAD);
			}
		}
		return counts;
	}

	private void grams(CharSequence text, Map<String, Integer> counts, char group) {
		int n = text.length();
		StringBuilder key = new StringBuilder(8);
		for (int i = 0; i < n; i++) {
			for (int len = this.minGram; len <= this.maxGram && i + len <= n; len++) {
				boolean crossesBreak = false;
				for (int k = i; k < i + len; k++) {
					if (text.charAt(k) == '|') {
						crossesBreak = true;
						break;
					}
				}
				if (crossesBreak) {
					break;
				}
				key.setLength(0);
				key.append(group).append(':').append(text, i, i + len);
				counts.merge(key.toString(), 1, Integer::sum);
			}
		}
	}

	/**
	 * A feature as a person reads it: the word, the two words, the characters.
	 */
	static String readable(String feature) {
		String text = feature.substring(2);
		return (feature.charAt(0) == PAIR) ? text.replace(" ", "") : text;
	}

}
