package org.yixian.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features a model knows, with their inverse document frequencies, and the TF-IDF
 * weighting of a text over them: sublinear term frequency ({@code 1 + ln tf}) times
 * smoothed idf, each feature group (words, pairs, characters) normalised to unit length
 * and scaled by its weight.
 */
final class Vocabulary {

	private final Map<String, Integer> index;

	private final String[] features;

	private final float[] idf;

	private final Map<Character, Float> groupWeights;

	Vocabulary(String[] features, float[] idf, Map<Character, Float> groupWeights) {
		this.features = features;
		this.idf = idf;
		this.groupWeights = Map.copyOf(groupWeights);
		this.index = new HashMap<>(features.length * 2);
		for (int i = 0; i < features.length; i++) {
			this.index.put(features[i], i);
		}
	}

	/**
	 * Learns the features that occur in at least {@code minDf} documents.
	 */
	static Vocabulary fit(List<Map<String, Integer>> documents, int minDf, Map<Character, Float> groupWeights) {
		Map<String, Integer> df = new HashMap<>();
		for (Map<String, Integer> doc : documents) {
			for (String feature : doc.keySet()) {
				df.merge(feature, 1, Integer::sum);
			}
		}
		List<String> kept = new ArrayList<>();
		df.forEach((feature, count) -> {
			if (count >= minDf && groupWeights.getOrDefault(feature.charAt(0), 0f) > 0) {
				kept.add(feature);
			}
		});
		kept.sort(null);
		String[] features = kept.toArray(String[]::new);
		float[] idf = new float[features.length];
		int n = documents.size();
		for (int i = 0; i < features.length; i++) {
			idf[i] = (float) (Math.log((1.0 + n) / (1.0 + df.get(features[i]))) + 1.0);
		}
		return new Vocabulary(features, idf, groupWeights);
	}

	int size() {
		return this.features.length;
	}

	String feature(int i) {
		return this.features[i];
	}

	float idf(int i) {
		return this.idf[i];
	}

	Map<Character, Float> groupWeights() {
		return this.groupWeights;
	}

	String[] features() {
		return this.features;
	}

	float[] idfs() {
		return this.idf;
	}

	SparseVector vector(Map<String, Integer> counts) {
		int[] indices = new int[counts.size()];
		int size = 0;
		for (String feature : counts.keySet()) {
			Integer i = this.index.get(feature);
			if (i != null) {
				indices[size++] = i;
			}
		}
		indices = Arrays.copyOf(indices, size);
		Arrays.sort(indices);
		float[] values = new float[size];
		Map<Character, Double> norms = new HashMap<>();
		for (int k = 0; k < size; k++) {
			String feature = this.features[indices[k]];
			double value = (1 + Math.log(counts.get(feature))) * this.idf[indices[k]];
			values[k] = (float) value;
			norms.merge(feature.charAt(0), value * value, Double::sum);
		}
		for (int k = 0; k < size; k++) {
			char group = this.features[indices[k]].charAt(0);
			values[k] = (float) (values[k] * this.groupWeights.get(group) / Math.sqrt(norms.get(group)));
		}
		return new SparseVector(indices, values);
	}

}
