package org.yixian.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A text as weighted terms for clustering: words and character bigrams, sublinear term
 * frequency times idf, the strongest {@link #KEEP} terms kept, unit length. Bigram terms
 * start with {@code #} so that they never show as words.
 */
final class TermVector {

	static final int KEEP = 40;

	static final double GRAM_WEIGHT = 0.6;

	private final Map<String, Double> weights;

	TermVector(Map<String, Double> weights) {
		this.weights = weights;
	}

	static TermVector of(List<String> words, List<String> grams, ToDoubleFunction<String> idf) {
		Map<String, Integer> tf = new HashMap<>();
		for (String word : words) {
			if (word.length() >= 2) {
				tf.merge(word, 1, Integer::sum);
			}
		}
		for (String gram : grams) {
			tf.merge("#" + gram, 1, Integer::sum);
		}
		Map<String, Double> raw = new HashMap<>();
		tf.forEach((term, count) -> {
			double w = (1 + Math.log(count)) * idf.applyAsDouble(term) * ((term.charAt(0) == '#') ? GRAM_WEIGHT : 1.0);
			if (w > 0) {
				raw.put(term, w);
			}
		});
		return new TermVector(top(raw, KEEP)).normalised();
	}

	static Map<String, Double> top(Map<String, Double> weights, int keep) {
		if (weights.size() <= keep) {
			return new HashMap<>(weights);
		}
		List<Map.Entry<String, Double>> entries = new ArrayList<>(weights.entrySet());
		entries.sort(Map.Entry.<String, Double>comparingByValue().reversed());
		Map<String, Double> kept = new HashMap<>();
		for (Map.Entry<String, Double> e : entries.subList(0, keep)) {
			kept.put(e.getKey(), e.getValue());
		}
		return kept;
	}

	TermVector normalised() {
		double norm = Math.sqrt(this.weights.values().stream().mapToDouble((w) -> w * w).sum());
		if (norm == 0) {
			return this;
		}
		Map<String, Double> unit = new HashMap<>();
		this.weights.forEach((t, w) -> unit.put(t, w / norm));
		return new TermVector(unit);
	}

	Map<String, Double> weights() {
		return this.weights;
	}

	boolean isEmpty() {
		return this.weights.isEmpty();
	}

	double cosine(TermVector other) {
		Map<String, Double> small = (this.weights.size() <= other.weights.size()) ? this.weights : other.weights;
		Map<String, Double> large = (small == this.weights) ? other.weights : this.weights;
		double dot = 0;
		for (Map.Entry<String, Double> e : small.entrySet()) {
			Double w = large.get(e.getKey());
			if (w != null) {
				dot += w * e.getValue();
			}
		}
		return dot;
	}

	/**
	 * The strongest terms first.
	 */
	List<String> strongest(int limit) {
		List<Map.Entry<String, Double>> entries = new ArrayList<>(this.weights.entrySet());
		entries.sort(Map.Entry.<String, Double>comparingByValue().reversed());
		return entries.stream().limit(limit).map(Map.Entry::getKey).toList();
	}

}
