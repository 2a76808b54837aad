package org.yixian.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A trained category model: its labels, vocabulary and one linear function per label. A
 * text's scores become confidences by a softmax with the model's scale; the words that
 * drove a suggestion are the features that added most to its score.
 */
final class TextClassifier {

	private final List<String> labels;

	private final Vocabulary vocabulary;

	private final FeatureExtractor extractor;

	private final float[][] weights;

	private final double scale;

	TextClassifier(List<String> labels, Vocabulary vocabulary, FeatureExtractor extractor, float[][] weights,
			double scale) {
		this.labels = List.copyOf(labels);
		this.vocabulary = vocabulary;
		this.extractor = extractor;
		this.weights = weights;
		this.scale = scale;
	}

	/**
	 * The same model with each label's bias shifted.
	 */
	TextClassifier withOffsets(double[] offsets) {
		int features = this.vocabulary.size();
		float[][] shifted = new float[this.weights.length][];
		for (int k = 0; k < shifted.length; k++) {
			shifted[k] = this.weights[k].clone();
			shifted[k][features] += (float) offsets[k];
		}
		return new TextClassifier(this.labels, this.vocabulary, this.extractor, shifted, this.scale);
	}

	List<String> labels() {
		return this.labels;
	}

	Vocabulary vocabulary() {
		return this.vocabulary;
	}

	float[][] weights() {
		return this.weights;
	}

	double scale() {
		return this.scale;
	}

	FeatureExtractor extractor() {
		return this.extractor;
	}

	SparseVector vector(String text) {
		return this.vocabulary.vector(this.extractor.counts(text));
	}

	String best(String text) {
		return this.labels.get(argMax(scores(vector(text))));
	}

	double[] scores(SparseVector x) {
		int features = this.vocabulary.size();
		double[] scores = new double[this.labels.size()];
		for (int k = 0; k < scores.length; k++) {
			scores[k] = x.dot(this.weights[k]) + this.weights[k][features];
		}
		return scores;
	}

	/**
	 * The most likely labels, best first, with confidence and the words behind each.
	 */
	List<Prediction> predict(String text, int limit, int termsEach) {
		SparseVector x = vector(text);
		double[] scores = scores(x);
		double max = Double.NEGATIVE_INFINITY;
		for (double s : scores) {
			max = Math.max(max, s);
		}
		double sum = 0;
		double[] p = new double[scores.length];
		for (int k = 0; k < scores.length; k++) {
			p[k] = Math.exp((scores[k] - max) * this.scale);
			sum += p[k];
		}
		List<Integer> order = new ArrayList<>();
		for (int k = 0; k < scores.length; k++) {
			order.add(k);
		}
		order.sort(Comparator.comparingDouble((Integer k) -> -scores[k]));
		List<Prediction> out = new ArrayList<>();
		for (int k : order.subList(0, Math.min(limit, order.size()))) {
			out.add(new Prediction(this.labels.get(k), p[k] / sum, terms(x, k, termsEach)));
		}
		return out;
	}

	/**
	 * The features that pushed the label's score up most, as readable words of two
	 * characters or more; a character n-gram inside a word already named is not named
	 * again.
	 */
	List<String> terms(SparseVector x, int label, int limit) {
		List<int[]> ranked = new ArrayList<>();
		double[] contribution = new double[x.size()];
		for (int i = 0; i < x.size(); i++) {
			contribution[i] = this.weights[label][x.indices()[i]] * x.values()[i];
			ranked.add(new int[] { i });
		}
		ranked.sort(Comparator.comparingDouble((int[] a) -> -contribution[a[0]]));
		List<String> terms = new ArrayList<>();
		for (int[] r : ranked) {
			if (terms.size() >= limit || contribution[r[0]] <= 0) {
				break;
			}
			String feature = this.vocabulary.feature(x.indices()[r[0]]);
			String term = FeatureExtractor.readable(feature);
			if (term.codePointCount(0, term.length()) < 2) {
				// a lone character (a character gram, or a word smartcn left single: 补,
				// 去,
				// 市) is true to the model but tells an operator nothing
				continue;
			}
			if (terms.stream().noneMatch((t) -> t.contains(term) || term.contains(t))) {
				terms.add(term);
			}
		}
		return terms;
	}

	static int argMax(double[] values) {
		int best = 0;
		for (int i = 1; i < values.length; i++) {
			if (values[i] > values[best]) {
				best = i;
			}
		}
		return best;
	}

	/**
	 * A suggested label.
	 */
	record Prediction(String label, double confidence, List<String> terms) {
	}

	/**
	 * A labelled text to learn from.
	 */
	record Example(String text, String label) {
	}

	static Map<String, Long> countLabels(List<Example> examples) {
		Map<String, Long> counts = new java.util.TreeMap<>();
		examples.forEach((e) -> counts.merge(e.label(), 1L, Long::sum));
		return counts;
	}

}
