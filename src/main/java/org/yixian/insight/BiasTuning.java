package org.yixian.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shifts each label's bias so that the model's mistakes spread fairly across labels:
 * scores of held-out texts (inner cross-validation on the training data only) are shifted
 * label by label, in small steps, as long as macro-F1 rises. A catch-all label (城乡建设 in
 * the Teddy Cup data) otherwise swallows the smaller ones.
 */
final class BiasTuning {

	private static final double STEP = 0.02;

	private static final double RANGE = 0.4;

	private BiasTuning() {
	}

	static double[] offsets(List<TextClassifier.Example> examples, List<Map<String, Integer>> counts,
			FeatureExtractor extractor, ClassifierTrainer trainer, List<String> labels, int folds) {
		int[] fold = CrossValidation.folds(examples, folds, 11);
		double[][] scores = new double[examples.size()][];
		int[] truth = new int[examples.size()];
		for (int f = 0; f < folds; f++) {
			List<TextClassifier.Example> trainExamples = new ArrayList<>();
			List<Map<String, Integer>> trainCounts = new ArrayList<>();
			for (int i = 0; i < examples.size(); i++) {
				if (fold[i] != f) {
					trainExamples.add(examples.get(i));
					trainCounts.add(counts.get(i));
				}
			}
			TextClassifier model = trainer.trainPlain(trainExamples, trainCounts, extractor, (p) -> {
			});
			for (int i = 0; i < examples.size(); i++) {
				if (fold[i] == f) {
					double[] own = model.scores(model.vocabulary().vector(counts.get(i)));
					double[] aligned = new double[labels.size()];
					java.util.Arrays.fill(aligned, -1e9);
					for (int k = 0; k < own.length; k++) {
						aligned[labels.indexOf(model.labels().get(k))] = own[k];
					}
					scores[i] = aligned;
				}
			}
		}
		for (int i = 0; i < examples.size(); i++) {
			truth[i] = labels.indexOf(examples.get(i).label());
		}
		double[] offsets = new double[labels.size()];
		double best = macroF1(scores, truth, offsets, labels.size());
		for (int round = 0; round < 2; round++) {
			for (int k = 0; k < offsets.length; k++) {
				double keep = offsets[k];
				for (double d = -RANGE; d <= RANGE + 1e-9; d += STEP) {
					offsets[k] = d;
					double f1 = macroF1(scores, truth, offsets, labels.size());
					if (f1 > best + 1e-9) {
						best = f1;
						keep = d;
					}
				}
				offsets[k] = keep;
			}
		}
		return offsets;
	}

	private static double macroF1(double[][] scores, int[] truth, double[] offsets, int labels) {
		long[] tp = new long[labels];
		long[] predicted = new long[labels];
		long[] actual = new long[labels];
		for (int i = 0; i < scores.length; i++) {
			int best = 0;
			for (int k = 1; k < labels; k++) {
				if (scores[i][k] + offsets[k] > scores[i][best] + offsets[best]) {
					best = k;
				}
			}
			predicted[best]++;
			actual[truth[i]]++;
			if (best == truth[i]) {
				tp[best]++;
			}
		}
		double sum = 0;
		int present = 0;
		for (int k = 0; k < labels; k++) {
			if (actual[k] == 0) {
				continue;
			}
			present++;
			double p = (predicted[k] == 0) ? 0 : (double) tp[k] / predicted[k];
			double r = (double) tp[k] / actual[k];
			sum += (p + r == 0) ? 0 : 2 * p * r / (p + r);
		}
		return (present == 0) ? 0 : sum / present;
	}

}
