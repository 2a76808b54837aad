package org.yixian.insight;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a category model is built: character n-gram range, word pairs, the head of the text
 * as its own feature group, the weight of each feature group, the smallest document
 * frequency kept, the SVM's regularisation, naive-Bayes scaling and the share of a plain
 * SVM averaged with the NB-SVM ({@code blend}). {@link #STANDARD} is what
 * cross-validation on the Teddy Cup data chose (docs/insight.md); {@link #with} changes
 * one setting by name for tuning.
 */
record ClassifierSettings(int minGram, int maxGram, boolean pairs, int head, float wordWeight, float pairWeight,
		float charWeight, float headWeight, int minDf, double c, boolean balanced, int iterations, double nb,
		int tuneBias, double blend) {

	static final ClassifierSettings STANDARD = new ClassifierSettings(1, 3, true, 80, 1.0f, 0.5f, 1.0f, 0.5f, 2, 0.5,
			true, 60, 0.03, 3, 0.0);

	Map<Character, Float> groupWeights() {
		return Map.of(FeatureExtractor.WORD, this.wordWeight, FeatureExtractor.PAIR, this.pairs ? this.pairWeight : 0f,
				FeatureExtractor.CHARS, (this.maxGram > 0) ? this.charWeight : 0f, FeatureExtractor.HEAD,
				(this.head > 0) ? this.headWeight : 0f);
	}

	FeatureExtractor extractor(Segmenter segmenter) {
		return new FeatureExtractor(segmenter, this.minGram, this.maxGram, this.pairs, this.head);
	}

	ClassifierSettings with(String name, String value) {
		Map<String, String> all = asMap();
		if (!all.containsKey(name)) {
			throw new IllegalArgumentException("unknown setting " + name + " (settings: " + all.keySet() + ")");
		}
		all.put(name, value);
		return new ClassifierSettings(Integer.parseInt(all.get("min-gram")), Integer.parseInt(all.get("max-gram")),
				Boolean.parseBoolean(all.get("pairs")), Integer.parseInt(all.get("head")),
				Float.parseFloat(all.get("word-weight")), Float.parseFloat(all.get("pair-weight")),
				Float.parseFloat(all.get("char-weight")), Float.parseFloat(all.get("head-weight")),
				Integer.parseInt(all.get("min-df")), Double.parseDouble(all.get("c")),
				Boolean.parseBoolean(all.get("balanced")), Integer.parseInt(all.get("iterations")),
				Double.parseDouble(all.get("nb")), Integer.parseInt(all.get("tune-bias")),
				Double.parseDouble(all.get("blend")));
	}

	Map<String, String> asMap() {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("min-gram", Integer.toString(this.minGram));
		all.put("max-gram", Integer.toString(this.maxGram));
		all.put("pairs", Boolean.toString(this.pairs));
		all.put("head", Integer.toString(this.head));
		all.put("word-weight", Float.toString(this.wordWeight));
		all.put("pair-weight", Float.toString(this.pairWeight));
		all.put("char-weight", Float.toString(this.charWeight));
		all.put("head-weight", Float.toString(this.headWeight));
		all.put("min-df", Integer.toString(this.minDf));
		all.put("c", Double.toString(this.c));
		all.put("balanced", Boolean.toString(this.balanced));
		all.put("iterations", Integer.toString(this.iterations));
		all.put("nb", Double.toString(this.nb));
		all.put("tune-bias", Integer.toString(this.tuneBias));
		all.put("blend", Double.toString(this.blend));
		return all;
	}

}
