package org.yixian.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;

/**
 * Trains a {@link TextClassifier} from labelled texts: features, vocabulary, one SVM per
 * label.
 */
final class ClassifierTrainer {

	/**
	 * Softmax scale for SVM margins, chosen so that confidences are roughly calibrated.
	 */
	static final double SCALE = 4.0;

	private final ClassifierSettings settings;

	private final Segmenter segmenter;

	ClassifierTrainer(ClassifierSettings settings, Segmenter segmenter) {
		this.settings = settings;
		this.segmenter = segmenter;
	}

	TextClassifier train(List<TextClassifier.Example> examples) {
		return train(examples, (p) -> {
		});
	}

	/**
	 * @param progress told the fraction done, from 0 to 1
	 */
	TextClassifier train(List<TextClassifier.Example> examples, DoubleConsumer progress) {
		FeatureExtractor extractor = this.settings.extractor(this.segmenter);
		List<Map<String, Integer>> counts = new ArrayList<>(examples.size());
		for (int i = 0; i < examples.size(); i++) {
			counts.add(extractor.counts(examples.get(i).text()));
			if (i % 200 == 0) {
				progress.accept(0.4 * i / examples.size());
			}
		}
		return train(examples, counts, extractor, progress);
	}

	/**
	 * Trains on features already counted (cross-validation counts each text once).
	 */
	TextClassifier train(List<TextClassifier.Example> examples, List<Map<String, Integer>> counts,
			FeatureExtractor extractor, DoubleConsumer progress) {
		if (this.settings.tuneBias() <= 1) {
			return trainPlain(examples, counts, extractor, progress);
		}
		TextClassifier plain = trainPlain(examples, counts, extractor, (p) -> progress.accept(0.4 + 0.2 * p));
		double[] offsets = BiasTuning.offsets(examples, counts, extractor, this, plain.labels(),
				this.settings.tuneBias());
		progress.accept(1.0);
		return plain.withOffsets(offsets);
	}

	/**
	 * One model on all the examples, without bias tuning.
	 */
	TextClassifier trainPlain(List<TextClassifier.Example> examples, List<Map<String, Integer>> counts,
			FeatureExtractor extractor, DoubleConsumer progress) {
		List<String> labels = new ArrayList<>(
				new TreeSet<>(examples.stream().map(TextClassifier.Example::label).toList()));
		Vocabulary vocabulary = Vocabulary.fit(counts, this.settings.minDf(), this.settings.groupWeights());
		List<SparseVector> xs = new ArrayList<>(counts.size());
		for (Map<String, Integer> c : counts) {
			xs.add(vocabulary.vector(c));
		}
		int[] y = new int[examples.size()];
		for (int i = 0; i < y.length; i++) {
			y[i] = labels.indexOf(examples.get(i).label());
		}
		progress.accept(0.5);
		float[][] weights = new LinearSvm(this.settings.c(), this.settings.balanced(), this.settings.iterations(),
				this.settings.nb(), this.settings.blend())
			.train(xs, y, labels.size(), vocabulary.size(),
					(k) -> progress.accept(0.5 + 0.5 * (k + 1) / labels.size()));
		return new TextClassifier(labels, vocabulary, extractor, weights, SCALE);
	}

}
