package org.yixian.insight;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleConsumer;

/**
 * Stratified k-fold cross-validation: every label is spread evenly over the folds, each
 * fold is predicted by a model trained on the others, and all predictions are scored
 * together; each fold's macro-F1 is kept as well.
 */
final class CrossValidation {

	private CrossValidation() {
	}

	static Evaluation run(List<TextClassifier.Example> examples, ClassifierSettings settings, Segmenter segmenter,
			int k, long seed, DoubleConsumer progress) {
		FeatureExtractor extractor = settings.extractor(segmenter);
		List<Map<String, Integer>> counts = new ArrayList<>(examples.size());
		for (TextClassifier.Example example : examples) {
			counts.add(extractor.counts(example.text()));
		}
		int[] fold = folds(examples, k, seed);
		List<String> truth = new ArrayList<>();
		List<String> predicted = new ArrayList<>();
		List<Double> foldF1 = new ArrayList<>();
		ClassifierTrainer trainer = new ClassifierTrainer(settings, segmenter);
		for (int f = 0; f < k; f++) {
			List<TextClassifier.Example> trainExamples = new ArrayList<>();
			List<Map<String, Integer>> trainCounts = new ArrayList<>();
			for (int i = 0; i < examples.size(); i++) {
				if (fold[i] != f) {
					trainExamples.add(examples.get(i));
					trainCounts.add(counts.get(i));
				}
			}
			TextClassifier model = trainer.train(trainExamples, trainCounts, extractor, (p) -> {
			});
			int from = truth.size();
			for (int i = 0; i < examples.size(); i++) {
				if (fold[i] == f) {
					double[] scores = model.scores(model.vocabulary().vector(counts.get(i)));
					truth.add(examples.get(i).label());
					predicted.add(model.labels().get(TextClassifier.argMax(scores)));
				}
			}
			if (truth.size() > from) {
				foldF1.add(Evaluation.of(truth.subList(from, truth.size()), predicted.subList(from, predicted.size()))
					.macroF1());
			}
			progress.accept((f + 1.0) / k);
		}
		return Evaluation.of(truth, predicted).withFolds(foldF1);
	}

	/**
	 * Fold numbers: each label's examples shuffled and dealt round the folds.
	 */
	static int[] folds(List<TextClassifier.Example> examples, int k, long seed) {
		Map<String, List<Integer>> byLabel = new HashMap<>();
		for (int i = 0; i < examples.size(); i++) {
			byLabel.computeIfAbsent(examples.get(i).label(), (l) -> new ArrayList<>()).add(i);
		}
		Random random = new Random(seed);
		int[] fold = new int[examples.size()];
		int next = 0;
		for (String label : new java.util.TreeSet<>(byLabel.keySet())) {
			List<Integer> members = byLabel.get(label);
			Collections.shuffle(members, random);
			for (int i : members) {
				fold[i] = next++ % k;
			}
		}
		return fold;
	}

}
