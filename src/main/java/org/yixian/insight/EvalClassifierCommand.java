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
 * tuning.
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
		if (options.has("cv")) {
			int k = Integer.parseInt(options.require("cv"));
			long seed = Long.parseLong(options.value("seed", "20260101"));
			this.out.printf("%d-fold stratified cross-validation (seed %d)%n", k, seed);
			evaluation = CrossValidation.run(examples, settings, segmenter, k, seed, (p) -> {
			});
		}
		else {
			Path test = options.path("test");
			TextClassifier model = new ClassifierTrainer(settings, segmenter).train(examples);
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
		this.out.printf("%ntime %.1f s%n", (System.nanoTime() - t0) / 1e9);
		return 0;
	}

}
