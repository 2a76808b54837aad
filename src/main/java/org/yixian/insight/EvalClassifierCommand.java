package org.yixian.insight;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code eval-classifier --train FILE --test FILE --text-column C --label-column L}, or
 * {@code --cv K} on the training file alone: trains the category model exactly as the
 * application does and prints accuracy, {@code macro-F1} and a per-class table.
 * {@code --set name=value} overrides one setting of {@link ClassifierSettings} for
 * tuning; {@code --seed A,B,…} repeats the cross-validation over several splits.
 */
final class EvalClassifierCommand {

	private final PrintStream out;

	EvalClassifierCommand(PrintStream out) {
		this.out = out;
	}

	int run(CommandOptions options) throws Exception {
		Path train = options.path("train");
		String textColumn = options.require("text-column");
		String labelColumn = options.require("label-column");
		ClassifierSettings settings = ClassifierSettings.STANDARD;
		for (String setting : options.all("set")) {
			String[] pair = setting.split("=", 2);
			settings = settings.with(pair[0], pair[1]);
		}
		Segmenter segmenter = new Segmenter(TermDictionary.EMPTY);
		List<TextClassifier.Example> examples = CsvRecords.examples(train, textColumn, labelColumn);
		this.out.printf("training file %s: %d examples, %s%n", train.getFileName(), examples.size(),
				TextClassifier.countLabels(examples));
		this.out.println("settings " + settings);
		long t0 = System.nanoTime();
		Evaluation evaluation;
		String[] seeds = options.value("seed", "20260101").split(",");
		if (options.has("cv")) {
			int k = Integer.parseInt(options.require("cv"));
			this.out.printf("%d-fold stratified cross-validation (seed %s)%n", k, seeds[0]);
			evaluation = CrossValidation.run(examples, settings, segmenter, k, Long.parseLong(seeds[0].strip()),
					(p) -> {
					});
		}
		else {
			Path test = options.path("test");
			long t1 = System.nanoTime();
			TextClassifier model = new ClassifierTrainer(settings, segmenter).train(examples);
			this.out.printf("trained on %d examples in %.1f s%n", examples.size(), (System.nanoTime() - t1) / 1e9);
			List<TextClassifier.Example> tests = CsvRecords.examples(test, textColumn, labelColumn);
			List<String> truth = new ArrayList<>();
			List<String> predicted = new ArrayList<>();
			for (TextClassifier.Example example : tests) {
				truth.add(example.label());
				predicted.add(model.best(example.text()));
			}
			this.out.printf("test file %s: %d examples; model: %d labels, %d features%n", test.getFileName(),
					tests.size(), model.labels().size(), model.vocabulary().size());
			evaluation = Evaluation.of(truth, predicted);
		}
		this.out.print(evaluation.report());
		if (options.has("confusion")) {
			this.out.print(System.lineSeparator() + evaluation.confusionTable());
		}
		if (options.has("cv") && seeds.length > 1) {
			this.out.println();
			repeat(examples, settings, segmenter, Integer.parseInt(options.require("cv")), seeds, evaluation.macroF1());
		}
		this.out.printf("%ntime %.1f s%n", (System.nanoTime() - t0) / 1e9);
		return 0;
	}

	/**
	 * {@code --seed A,B,C}: the cross-validation again with other splits, each split's
	 * macro-F1 and per fold, and the mean over the splits.
	 */
	private void repeat(List<TextClassifier.Example> examples, ClassifierSettings settings, Segmenter segmenter, int k,
			String[] seeds, double first) {
		double sum = first;
		for (int s = 1; s < seeds.length; s++) {
			Evaluation again = CrossValidation.run(examples, settings, segmenter, k, Long.parseLong(seeds[s].strip()),
					(p) -> {
					});
			sum += again.macroF1();
			StringBuilder folds = new StringBuilder();
			again.foldMacroF1().forEach((f) -> folds.append(String.format(" %.3f", f)));
			this.out.printf("seed %s: accuracy %.3f, macro-F1 %.3f, per fold%s%n", seeds[s].strip(), again.accuracy(),
					again.macroF1(), folds);
		}
		this.out.printf("macro-F1 mean over %d splits %.3f%n", seeds.length, sum / seeds.length);
	}

}
